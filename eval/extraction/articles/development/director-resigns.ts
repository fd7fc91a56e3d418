import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a hospital director resigns over delays.
// People, places and organisations are fictional.
export const directorResigns = article('director-resigns', 'health', [
  [
    claim(
      'The medical director of Kingsbridge General Hospital, Dr. Sam Reid, resigned on Monday after an inquiry into cancer treatment delays.',
      null,
    ),
    claim('He said in a letter to staff that he took responsibility for the failings.', [
      'The medical director of Kingsbridge General Hospital, Dr. Sam Reid',
      'Dr. Sam Reid',
      'Sam Reid',
    ]),
  ],
  [
    claim(
      'Asked about the resignation, health minister Karen Dale said the inquiry’s findings were “deeply troubling”.',
      ['health minister Karen Dale', 'Karen Dale'],
    ),
    claim(
      'Patients’ group Cancer Voice, 61 members of which gave evidence, said it had raised the delays with the hospital two years ago.',
      ['Patients’ group Cancer Voice', 'Cancer Voice'],
      [[61]],
    ),
  ],
  [
    claim(
      'Doctors at the hospital said the delays were caused by a shortage of radiographers.',
      'Doctors at the hospital',
    ),
    claim(
      'The hospital’s chief executive, Naomi Fry, apologised to patients and their families.',
      null,
    ),
    claim('She said a new cancer unit would open next year.', [
      'The hospital’s chief executive, Naomi Fry',
      'Naomi Fry',
    ]),
  ],
  [
    colour(
      'A handwritten card of thanks from a former patient was still pinned to Reid’s office door.',
    ),
    opinion('Resignations rarely fix the problems that cause them.'),
    background('Kingsbridge General is the only hospital in the county with a cancer unit.'),
  ],
]);
