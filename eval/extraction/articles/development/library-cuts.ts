import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a county council cuts library hours.
// People, places and organisations are fictional.
export const libraryCuts = article('library-cuts', 'local government', [
  [
    claim(
      'Ardley County Council will close four of its libraries on Saturdays from April to save money, a council spokeswoman said on Thursday.',
      'a council spokeswoman',
      [[4]],
    ),
    claim(
      'The council’s cabinet member for culture, Jenny Holt, told a meeting that the service had overspent its budget for three years running.',
      ['The council’s cabinet member for culture, Jenny Holt', 'Jenny Holt'],
    ),
  ],
  [
    claim(
      'Library staff had not been told of the plan before it was announced, their union said.',
      'their union',
    ),
    claim(
      '“We found out from the local paper,” said one librarian, who asked not to be named.',
      'one librarian',
    ),
  ],
  [
    claim(
      'Opposition councillor Raj Patel accused the cabinet of cutting services in poorer towns first.',
      ['Opposition councillor Raj Patel', 'Raj Patel'],
    ),
    claim(
      'Holt denied that, saying the libraries chosen were the least used.',
      ['The council’s cabinet member for culture, Jenny Holt', 'Jenny Holt', 'Holt'],
      [],
      ['denied'],
    ),
  ],
  [
    claim(
      'Visits to the county’s libraries have fallen steadily since the pandemic, according to the council’s own figures.',
      ['the council’s own figures', 'Ardley County Council'],
    ),
    colour(
      'At Bramford library on Thursday, children sat cross-legged on the carpet for story time.',
    ),
  ],
  [
    opinion('Libraries are among the few warm public spaces left in many small towns.'),
    background('The council runs libraries in most of the county’s market towns.'),
  ],
]);
