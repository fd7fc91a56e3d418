import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): shelling of a border town.
// People, places and organisations are fictional.
export const borderShelling = article('border-shelling', 'conflict', [
  [
    claim(
      'Artillery fire hit the border town of Varnik overnight, damaging a school and the water pumping station, the interior ministry said on Friday.',
      'the interior ministry',
    ),
  ],
  [
    claim(
      'The governor of the Ostrava region, Pavel Dragan, said civilians were sheltering in basements and that the town had been without running water since the morning.',
      ['The governor of the Ostrava region, Pavel Dragan', 'Pavel Dragan'],
    ),
    claim('He said buses would take out anyone who wanted to leave.', [
      'The governor of the Ostrava region, Pavel Dragan',
      'Pavel Dragan',
    ]),
  ],
  [
    claim(
      'Moldavia’s Foreign Ministry said the shelling came from across the river and summoned the neighbouring country’s ambassador.',
      'Moldavia’s Foreign Ministry',
    ),
    claim(
      'The neighbouring government denied that its forces had fired on the town.',
      'The neighbouring government',
      [],
      ['denied'],
    ),
  ],
  [
    claim(
      'A local news site, Varnik Today, reported that a hospital in the town had been hit, but the health ministry could not confirm it.',
      ['A local news site, Varnik Today', 'Varnik Today'],
      [],
      ['could not confirm'],
    ),
    colour('Smoke still hung over the river on Friday afternoon.'),
  ],
  [
    claim(
      'At least 40 people had been evacuated by Friday evening, according to the regional emergency service.',
      'the regional emergency service',
      [[40, 'at_least']],
    ),
    opinion('The attack is likely to harden attitudes on both sides of the river.'),
  ],
  [
    background(
      'Varnik sits on a bend of the river that has marked the border since the war ended.',
    ),
  ],
]);
