import { article, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): an airline grounded by a computer failure.
// People, places and organisations are fictional.
export const airlineOutage = article('airline-outage', 'transport', [
  [
    claim(
      'Northway Airlines cancelled all flights out of Presby airport on Friday after a computer failure grounded its fleet.',
      null,
    ),
    claim(
      'The airline said the fault lay in a system that assigns crews to flights and that it had found no sign of a cyberattack.',
      'Northway Airlines',
    ),
  ],
  [
    claim(
      'Passengers were told to stay away from the airport unless they had already checked in, according to a notice on the airline’s website.',
      ['a notice on the airline’s website', 'Northway Airlines'],
    ),
    colour('By mid-morning the departures hall was crowded with families sitting on suitcases.'),
  ],
  [
    claim(
      'Presby Airport’s operator said other carriers were flying normally.',
      'Presby Airport’s operator',
    ),
    claim(
      'The regional transport minister, Colm Haverty, said he had asked Northway for a full account of what went wrong.',
      ['The regional transport minister, Colm Haverty', 'Colm Haverty'],
    ),
  ],
  [
    claim(
      'Northway’s chief executive, Dana Vell, apologised to customers in a video posted online.',
      null,
    ),
    claim(
      'She said most flights would resume on Saturday but warned that some delays could run into Sunday.',
      ['Northway’s chief executive, Dana Vell', 'Dana Vell'],
    ),
  ],
  [
    claim(
      'Travel blog Runway Notes reported that a similar failure had hit the carrier last winter, but Northway declined to comment on the report.',
      ['Travel blog Runway Notes', 'Runway Notes'],
      [],
      ['declined to comment'],
    ),
    claim('The carrier said passengers on cancelled flights would get full refunds.', [
      'Northway Airlines',
      'Northway',
    ]),
  ],
  [
    opinion(
      'For a budget airline that sells itself on reliability, the timing could hardly be worse.',
    ),
  ],
]);
