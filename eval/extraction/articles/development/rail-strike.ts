import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a rail strike.
// People, places and organisations are fictional.
export const railStrike = article('rail-strike', 'transport', [
  [
    claim(
      'Train drivers on the Western line will strike next Monday after talks over pay broke down, their union said.',
      'their union',
    ),
    claim(
      'The drivers’ union, ASLEF West, said members had rejected the operator’s latest offer by a large majority.',
      ['The drivers’ union, ASLEF West', 'ASLEF West'],
    ),
  ],
  [
    claim(
      'Western Rail said it would run a reduced timetable and urged passengers to travel only if necessary.',
      'Western Rail',
    ),
    claim(
      'The operator said the offer was fair and that it remained open to talks.',
      'Western Rail',
    ),
  ],
  [
    claim(
      'Transport secretary Neil Ashby called the strike “unjustified and unnecessary” in a post on social media.',
      ['Transport secretary Neil Ashby', 'Neil Ashby'],
    ),
    claim(
      'Commuter group Rail Users West said fares had risen faster than wages for years while services had got worse.',
      ['Commuter group Rail Users West', 'Rail Users West'],
    ),
  ],
  [
    colour(
      'Platforms at Bristow station were quiet on Friday evening as news of the strike spread.',
    ),
    claim(
      'Union officials reported that a second walkout was being planned for the following week, but the operator could not confirm it.',
      'Union officials',
      [],
      ['could not confirm'],
    ),
  ],
  [
    opinion('Passengers have every reason to be tired of the dispute.'),
    background('The Western line carries commuters into the city from the coast.'),
  ],
]);
