import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a drought in a farming region.
// People, places and organisations are fictional.
export const regionalDrought = article('regional-drought', 'disaster', [
  [
    claim(
      'It was the worst drought in the Tavera region in half a century, the national meteorological agency said on Thursday.',
      'the national meteorological agency',
    ),
    claim(
      'Reservoirs serving the regional capital were at their lowest level since they were built, the agency said.',
      ['the national meteorological agency', 'the agency'],
    ),
  ],
  [
    claim(
      'Farmers’ federation president Lucia Ferro said many growers had lost their entire harvest.',
      ['Farmers’ federation president Lucia Ferro', 'Lucia Ferro'],
    ),
    claim('“Some families will not plant next year,” she said.', [
      'Farmers’ federation president Lucia Ferro',
      'Lucia Ferro',
    ]),
  ],
  [
    claim(
      'The regional government announced water restrictions for households and said it would ask the national government for emergency aid.',
      'The regional government',
    ),
    claim(
      'Agriculture minister Tomas Reyes said the government was preparing a relief package, but he declined to comment on its size.',
      ['Agriculture minister Tomas Reyes', 'Tomas Reyes'],
      [],
      ['declined to comment'],
    ),
  ],
  [
    colour(
      'Cracked mud now covers what was the bottom of Lake Sorel, and cattle graze on its old shore.',
    ),
    claim(
      'Wildfires had burned 3,500 hectares of forest since June, according to the fire service.',
      'the fire service',
      [[3500]],
    ),
  ],
  [
    claim(
      'A regional newspaper reported that water was being trucked to several villages, but officials could not confirm the report.',
      'A regional newspaper',
      [],
      ['could not confirm'],
    ),
    opinion('Droughts like this one will become more common as the climate warms.'),
    background('Tavera grows much of the country’s wheat and olives.'),
  ],
]);
