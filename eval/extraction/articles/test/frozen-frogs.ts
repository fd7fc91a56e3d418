import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a university study of freeze-tolerant frogs.
// People, places and organisations are fictional.
export const frozenFrogs = article('frozen-frogs', 'science', [
  [
    claim(
      'Researchers at the University of Velmont said on Monday that they had found a species of frog that can survive being frozen for weeks.',
      'Researchers at the University of Velmont',
    ),
    claim('The findings were published in the journal Cold Biology.', null),
  ],
  [
    claim(
      'Lead author Dr. Anil Mehra said the frogs’ livers produced large amounts of glucose as temperatures fell, which appeared to protect their cells from ice damage.',
      ['Lead author Dr. Anil Mehra', 'Dr. Anil Mehra', 'Anil Mehra'],
      [],
      ['appeared'],
    ),
    claim(
      'He said the team had not yet tested whether the same process worked in frogs from warmer regions.',
      ['Lead author Dr. Anil Mehra', 'Dr. Anil Mehra', 'Anil Mehra'],
    ),
  ],
  [
    claim(
      'An independent biologist, Professor Clara Stein of Ostheim University, said the work was careful but that similar freezing tolerance had been described in other frogs before.',
      [
        'An independent biologist, Professor Clara Stein of Ostheim University',
        'Professor Clara Stein of Ostheim University',
        'Professor Clara Stein',
        'Clara Stein',
      ],
    ),
    opinion(
      'It is a striking result, and a reminder of how little is known about the animals of the northern forests.',
    ),
  ],
  [
    claim('The species was first collected by a student on a field course, the university said.', [
      'the University of Velmont',
      'the university',
    ]),
    colour('The frogs are small, brown and easy to overlook among fallen leaves.'),
  ],
  [
    claim(
      'Velmont’s press office reported that the study had been funded by the national science foundation, but the foundation could not confirm the grant.',
      'Velmont’s press office',
      [],
      ['could not confirm'],
    ),
    background('Freezing kills most animals because ice crystals tear apart their cells.'),
  ],
]);
