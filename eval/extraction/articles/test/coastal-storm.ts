import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a storm, a missing fisherman and power cuts.
// People, places and organisations are fictional.
export const coastalStorm = article('coastal-storm', 'disaster', [
  [
    claim(
      'A storm that battered the Skellan coast overnight left thousands of homes without power and a fisherman missing, the coastguard said on Sunday.',
      'the coastguard',
    ),
  ],
  [
    claim(
      'Regional broadcaster Radio Skellan reported that the fisherman had set out from Dunmore harbour on Saturday evening, but the coastguard could not confirm it.',
      ['Regional broadcaster Radio Skellan', 'Radio Skellan'],
      [],
      ['could not confirm'],
    ),
    claim('A search by two lifeboats and a helicopter was called off at nightfall.', null, [[2]]),
  ],
  [
    claim(
      'The national weather office said gusts had reached 140 kilometres an hour on exposed headlands, the strongest it had recorded there since it began keeping records.',
      'The national weather office',
      [[140]],
    ),
    claim(
      'It was the worst storm to hit the coast in half a century, according to the office’s chief forecaster, Brid Keane.',
      ['the office’s chief forecaster, Brid Keane', 'Brid Keane'],
    ),
  ],
  [
    claim(
      'Power company Skellan Grid said crews had restored electricity to most customers by midday.',
      ['Power company Skellan Grid', 'Skellan Grid'],
    ),
    claim(
      'The company said the rest would be reconnected by Tuesday, though it warned that flooded substations might take longer.',
      ['Skellan Grid', 'Power company Skellan Grid'],
    ),
  ],
  [
    colour(
      'In Dunmore, boats lay on their sides in the harbour car park and seaweed hung from the railings.',
    ),
    claim(
      '“I have lived here all my life and never seen the sea come over the wall like that,” said Nora Feeney, who runs a cafe on the seafront.',
      'Nora Feeney',
    ),
  ],
  [
    opinion('The storm is a reminder of how exposed the coast has become.'),
    background('Skellan’s harbour wall was last raised after floods in 1998.'),
  ],
]);
