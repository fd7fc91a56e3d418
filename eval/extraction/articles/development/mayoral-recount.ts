import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a recount in a mayoral race.
// People, places and organisations are fictional.
export const mayoralRecount = article('mayoral-recount', 'elections', [
  [
    claim(
      'A recount in the Dunhill mayoral race has confirmed Grace Obi as the winner, the city’s election commission said on Wednesday.',
      'the city’s election commission',
    ),
    claim(
      'Obi finished 212 votes ahead of the incumbent, Martin Kell, the commission said.',
      ['the city’s election commission', 'the commission'],
      [[212]],
    ),
  ],
  [
    claim(
      'Kell conceded in a short statement and said he would not challenge the result in court.',
      ['Martin Kell', 'Kell'],
    ),
    claim(
      'His campaign had alleged that ballots from two care homes were counted twice.',
      ['His campaign', 'Martin Kell'],
      [[2]],
      ['alleged'],
    ),
  ],
  [
    claim('The commission’s chairman, Rafael Soto, said the recount found no evidence of that.', [
      'The commission’s chairman, Rafael Soto',
      'Rafael Soto',
    ]),
    claim(
      'Turnout was the highest for a local election in the city’s history, according to the commission.',
      ['the city’s election commission', 'the commission'],
    ),
  ],
  [
    claim(
      '“This city voted for change, and now it has it,” Obi told supporters outside city hall.',
      ['Grace Obi', 'Obi'],
    ),
    colour('Supporters waved green scarves and sang as she spoke.'),
  ],
  [
    opinion('Obi will need to win over a council that her opponent’s party still controls.'),
    background('Dunhill has had a directly elected mayor since the office was created.'),
  ],
]);
