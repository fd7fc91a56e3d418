import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): one airline buys another.
// People, places and organisations are fictional.
export const airlineMerger = article('airline-merger', 'business', [
  [
    claim(
      'Calder Air agreed on Monday to buy regional rival SkyLink for 1.4 billion euros, the two companies said.',
      ['the two companies', 'Calder Air and SkyLink'],
      [[1_400_000_000]],
    ),
  ],
  [
    background('The deal still needs the approval of competition regulators.'),
    claim(
      'Calder chief executive Ines Moreau told analysts on a call that the combined airline would keep both brands for at least two years.',
      ['Calder chief executive Ines Moreau', 'Ines Moreau'],
    ),
    claim('She said no jobs would be lost at SkyLink’s base in Harlow.', [
      'Calder chief executive Ines Moreau',
      'Ines Moreau',
    ]),
  ],
  [
    claim('SkyLink has lost money in each of the last three years.', null),
    claim(
      'The carrier said last month that it was looking for a partner to fund new aircraft.',
      'SkyLink',
    ),
  ],
  [
    claim(
      'Pilots’ union BALPA said it had not been consulted and would seek talks with both airlines.',
      'Pilots’ union BALPA',
    ),
    claim('Shares in Calder rose sharply in morning trading.', null),
    colour('At Harlow airport, SkyLink’s blue tails lined the apron as usual.'),
  ],
  [
    claim(
      'A business newspaper reported that a third airline had also bid for SkyLink, but Calder declined to comment.',
      'A business newspaper',
      [],
      ['declined to comment'],
    ),
    opinion('The deal makes sense on paper, but airline mergers rarely go smoothly.'),
    background(
      'Calder Air was founded as a charter airline and moved into scheduled flights later.',
    ),
  ],
]);
