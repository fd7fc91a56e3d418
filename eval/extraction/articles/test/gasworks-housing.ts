import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a city council approves housing on a gasworks site.
// People, places and organisations are fictional.
export const gasworksHousing = article('gasworks-housing', 'local government', [
  [
    claim(
      'Brennock city council approved plans on Tuesday to turn the old gasworks site into housing, despite objections from residents.',
      null,
    ),
    claim(
      'The council’s planning committee said the scheme would include a park and a primary school.',
      'The council’s planning committee',
    ),
  ],
  [
    claim(
      'Councillor Aisling Morrow, who chairs the committee, said the site had stood empty for too long.',
      ['Councillor Aisling Morrow', 'Aisling Morrow'],
    ),
    claim(
      'Residents’ association chairman Declan Hurley said people living nearby feared more traffic on already crowded roads.',
      ['Residents’ association chairman Declan Hurley', 'Declan Hurley'],
    ),
  ],
  [
    claim(
      'Soil tests had found traces of coal tar on the site, the environment agency said, and the developer would have to remove contaminated ground before building.',
      'the environment agency',
    ),
    claim('The developer, Carrick Homes, said the clean-up had already begun.', [
      'The developer, Carrick Homes',
      'Carrick Homes',
    ]),
  ],
  [
    claim(
      'Local newspaper the Brennock Herald reported that the council had sold the land below its market value, but council officials denied it.',
      ['Local newspaper the Brennock Herald', 'the Brennock Herald'],
      [],
      ['denied'],
    ),
    opinion('Whatever the merits of the scheme, the council has done a poor job of explaining it.'),
  ],
  [
    colour(
      'The meeting ran late into the evening, and several residents walked out before the vote.',
    ),
    background('The gasworks closed decades ago and the site has been fenced off ever since.'),
  ],
]);
