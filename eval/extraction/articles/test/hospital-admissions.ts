import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a nurses' union on winter hospital pressure.
// People, places and organisations are fictional.
export const hospitalAdmissions = article('hospital-admissions', 'health', [
  [
    claim(
      'Hospital admissions for respiratory illness in the Corran health district had tripled since the spring, the Corran Nurses’ Union said on Tuesday.',
      'the Corran Nurses’ Union',
    ),
  ],
  [
    claim(
      'Wards at St. Brannock’s Hospital were so full that patients were being treated in corridors, according to Mairead Quill, the union’s regional secretary.',
      ['Mairead Quill, the union’s regional secretary', 'Mairead Quill'],
    ),
    claim('She said staff had been asked to work double shifts for most of November.', [
      'Mairead Quill, the union’s regional secretary',
      'Mairead Quill',
    ]),
  ],
  [
    claim(
      '“We have never seen winter pressure arrive this early,” Quill told reporters outside the hospital.',
      ['Mairead Quill, the union’s regional secretary', 'Mairead Quill', 'Quill'],
    ),
  ],
  [
    claim(
      'The district health board disputed the union’s account, saying admissions were high but within the range it had planned for.',
      'The district health board',
      [],
      ['disputed'],
    ),
    claim('A board spokesman said no operations had been cancelled.', 'A board spokesman'),
  ],
  [
    claim(
      'The Ministry of Health’s latest weekly bulletin showed influenza cases rising in every region.',
      ['The Ministry of Health', 'The Ministry of Health’s latest weekly bulletin'],
    ),
  ],
  [
    opinion(
      'Winter is always a difficult season for hospitals, and this one promises to be harder than most.',
    ),
    colour(
      'Outside the emergency department on Tuesday afternoon, ambulances queued along the drive in a light rain.',
    ),
  ],
  [
    claim(
      'Local radio station Corran FM reported that two clinics in the north of the district had stopped taking walk-in patients, but the health board could not confirm it.',
      ['Local radio station Corran FM', 'Corran FM'],
      [[2]],
      ['could not confirm'],
    ),
  ],
  [background('The health board is due to publish its winter plan next month.')],
]);
