import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a school board closes a village primary school.
// People, places and organisations are fictional.
export const schoolClosure = article('school-closure', 'education', [
  [
    claim(
      'The Lathom school board voted on Monday night to close Eastgate Primary at the end of the school year.',
      null,
    ),
    claim(
      'Board chair Ruth Okafor said falling enrolment had left the school half empty.',
      ['Board chair Ruth Okafor', 'Ruth Okafor'],
      [[0.5]],
    ),
  ],
  [
    claim('Parents who packed the meeting said the board had never consulted them.', [
      'Parents who packed the meeting',
      'Parents',
    ]),
    claim(
      '“They made up their minds months ago,” said Tom Brannigan, whose children attend Eastgate.',
      'Tom Brannigan',
    ),
  ],
  [
    claim(
      'Reading scores at Eastgate were among the highest in the county last year, according to the state education department.',
      'the state education department',
    ),
    claim(
      'The board said pupils would move to Hillcrest Primary, a short bus ride away, and that it would provide the buses.',
      ['The Lathom school board', 'Lathom school board'],
    ),
  ],
  [
    claim(
      'Teachers’ union representative Paul Mercer said staff had been told their jobs were safe, but he could not confirm whether that applied to classroom assistants.',
      ['Teachers’ union representative Paul Mercer', 'Paul Mercer'],
      [],
      ['could not confirm'],
    ),
    opinion('Closing a village school is never a popular decision.'),
  ],
  [
    background('Eastgate Primary opened in a converted chapel more than a century ago.'),
    colour(
      'On Tuesday morning, hand-painted signs reading “Save Eastgate” hung from the school railings.',
    ),
  ],
]);
