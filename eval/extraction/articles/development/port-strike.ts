import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): dock workers strike at a container port.
// People, places and organisations are fictional.
export const portStrike = article('port-strike', 'business', [
  [
    claim(
      'Dock workers at the port of Westhaven walked out on Wednesday in a dispute over automation, halting container traffic.',
      null,
      [],
      ['dispute'],
    ),
    claim(
      '“We will stay out until the company guarantees our jobs,” union organiser Pat Quinn told a rally at the gates.',
      ['union organiser Pat Quinn', 'Pat Quinn'],
    ),
  ],
  [
    claim(
      'The port’s operator, Westhaven Terminals, said the new cranes would not cost any jobs.',
      ['The port’s operator, Westhaven Terminals', 'Westhaven Terminals'],
    ),
    claim('The firm said ships were being diverted to other ports on the coast.', [
      'Westhaven Terminals',
      'The port’s operator, Westhaven Terminals',
    ]),
  ],
  [
    claim('Shipping line Nordka said its vessels would wait at anchor rather than divert.', [
      'Shipping line Nordka',
      'Nordka',
    ]),
    claim(
      'Retailers warned that shelves could be short of some goods within weeks, the chamber of commerce said.',
      'the chamber of commerce',
    ),
  ],
  [
    claim('The trade ministry said it was monitoring the situation.', 'The trade ministry'),
    colour('Lorries queued for a mile along the port road, their drivers asleep in the cabs.'),
  ],
  [
    opinion('Automation at ports is coming whether the unions like it or not.'),
    background('Westhaven handles most of the country’s container imports.'),
  ],
]);
