import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a football club's injury news.
// People, places and organisations are fictional.
export const strikerInjury = article('striker-injury', 'sport', [
  [
    claim(
      'Castleford Rovers striker Joel Amadi will miss the rest of the season with a torn knee ligament, the club confirmed in a statement on Monday.',
      ['Castleford Rovers', 'the club'],
    ),
    claim('In a statement, the club said Amadi would have surgery this week.', [
      'Castleford Rovers',
      'the club',
    ]),
  ],
  [
    claim(
      'Manager Carla Benz, speaking to reporters at the training ground, said the loss was a huge blow.',
      ['Manager Carla Benz', 'Carla Benz'],
    ),
    claim(
      '“Joel has been our best player, and we will not find another like him in January,” she added.',
      ['Manager Carla Benz', 'Carla Benz'],
    ),
  ],
  [
    claim(
      'The injury happened in a collision with the Denholm goalkeeper, according to footage shown on the club’s channel.',
      'footage shown on the club’s channel',
    ),
    colour('Amadi was carried off on a stretcher as the home crowd stood and applauded.'),
  ],
  [
    claim(
      'Rovers are also without captain Lee Shaw, who has a hamstring strain, a club spokeswoman said.',
      'a club spokeswoman',
    ),
    claim(
      'Sports website Goalline reported that the club had asked to sign a replacement on loan, but the league would not confirm any request.',
      ['Sports website Goalline', 'Goalline'],
      [],
      ['would not confirm'],
    ),
  ],
  [
    opinion('Without their top scorer, Rovers look a different side.'),
    background(
      'Castleford Rovers won promotion to the top division for the first time last spring.',
    ),
  ],
]);
