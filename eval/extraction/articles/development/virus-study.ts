import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a study on a new antiviral.
// People, places and organisations are fictional.
export const virusStudy = article('virus-study', 'science', [
  [
    claim(
      'An experimental antiviral drug shortened illness in patients with severe influenza, a study published on Wednesday found.',
      ['a study published on Wednesday', 'a study'],
    ),
    claim(
      'The trial was run by researchers at the Hallam Institute, who said patients given the drug left hospital sooner than those given a placebo.',
      ['researchers at the Hallam Institute', 'the Hallam Institute'],
    ),
  ],
  [
    claim(
      'Dr. Priya Nandi, a virologist who led the trial, said the results were encouraging but needed to be repeated in a larger group.',
      ['Dr. Priya Nandi, a virologist who led the trial', 'Dr. Priya Nandi', 'Priya Nandi'],
    ),
    claim('She said no serious side effects had been seen.', [
      'Dr. Priya Nandi, a virologist who led the trial',
      'Dr. Priya Nandi',
      'Priya Nandi',
    ]),
  ],
  [
    claim(
      '“It is a promising result, but one trial is not enough to change how we treat patients,” said Marcus Hale, a pharmacologist at Linden University who was not involved in the study.',
      ['Marcus Hale, a pharmacologist at Linden University', 'Marcus Hale'],
    ),
    opinion('Flu treatment has seen few advances in recent decades.'),
  ],
  [
    claim('The drug’s maker, Arvel Pharma, said it would apply for approval next year.', [
      'The drug’s maker, Arvel Pharma',
      'Arvel Pharma',
    ]),
    // Nothing said, so nothing to check.
    background('The medicines regulator declined to comment on the application.'),
  ],
  [
    colour('In the institute’s basement laboratory, freezers hum beside racks of sample tubes.'),
    background('Influenza sends many older people to hospital every winter.'),
  ],
]);
