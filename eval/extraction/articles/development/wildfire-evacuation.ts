import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a wildfire forces evacuations.
// People, places and organisations are fictional.
export const wildfireEvacuation = article('wildfire-evacuation', 'disaster', [
  [
    claim(
      'A wildfire burning in the hills above Sanmore forced the evacuation of several villages overnight, fire officials said.',
      'fire officials',
    ),
    claim('Witnesses said flames had jumped the main road shortly after midnight.', 'Witnesses'),
  ],
  [
    claim(
      'Speaking on local radio, Sanmore Mayor Elena Pardo said the town itself was not in danger.',
      ['Sanmore Mayor Elena Pardo', 'Elena Pardo'],
    ),
    claim('The mayor said schools would stay open as shelters.', [
      'Sanmore Mayor Elena Pardo',
      'Elena Pardo',
    ]),
  ],
  [
    claim(
      'The regional fire service, which has sent aircraft from three provinces, said strong winds were making the blaze hard to contain.',
      'The regional fire service',
      [[3]],
    ),
    claim('A firefighter was treated for burns, according to a statement from the service.', [
      'a statement from the service',
      'The regional fire service',
    ]),
  ],
  [
    claim(
      'Neighbours told local television that the fire had started near a farm where stubble was being burned, but police could not confirm the cause.',
      'Neighbours',
      [],
      ['could not confirm'],
    ),
    colour('Ash fell like grey snow on the cars parked along the seafront.'),
  ],
  [
    opinion('Summers in the region are becoming longer and more dangerous.'),
    background('Sanmore is a fishing town popular with tourists in the summer.'),
  ],
]);
