import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): waiting times at mental health clinics.
// People, places and organisations are fictional.
export const clinicWaits = article('clinic-waits', 'health', [
  [
    claim(
      'Young people referred to mental health clinics in the Dales region are waiting longer than ever for a first appointment, a report by the regional health watchdog found.',
      ['the regional health watchdog', 'a report by the regional health watchdog'],
    ),
    claim(
      'The watchdog said some clinics had closed their waiting lists to new patients altogether.',
      'the regional health watchdog',
    ),
  ],
  [
    claim(
      'Its chief inspector, Rowan Ellis, said the findings should worry every parent in the region.',
      ['Its chief inspector, Rowan Ellis', 'Rowan Ellis'],
    ),
    claim('Ellis said staff shortages were the main cause, with many posts vacant for months.', [
      'Its chief inspector, Rowan Ellis',
      'Rowan Ellis',
    ]),
  ],
  [
    claim(
      '“We are doing everything we can, but demand has outstripped what we were funded for,” the Dales Health Trust said in a statement.',
      'the Dales Health Trust',
    ),
    claim(
      'The trust said it had hired extra therapists and opened an evening clinic.',
      'the Dales Health Trust',
    ),
  ],
  [
    claim(
      'Parents told the watchdog’s inspectors that they had turned to private therapists they could barely afford.',
      'Parents',
    ),
    colour('In the waiting room at the Keld Street clinic, a poster urges patience.'),
  ],
  [
    claim(
      'A local charity, Open Door, reported that calls to its helpline had doubled, but the trust could not confirm the figure.',
      ['A local charity, Open Door', 'Open Door'],
      [],
      ['could not confirm'],
    ),
    opinion('No one thinks the problem will be solved quickly.'),
    background('The trust runs all the public mental health services in the Dales.'),
  ],
]);
