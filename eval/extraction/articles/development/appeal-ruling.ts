import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): an appeal court overturns a conviction.
// People, places and organisations are fictional.
export const appealRuling = article('appeal-ruling', 'courts', [
  [
    claim(
      'The Court of Appeal on Tuesday overturned the conviction of a former police officer, Daniel Okoro, for misconduct in public office.',
      null,
    ),
    claim(
      'The judges said the trial judge had wrongly allowed the jury to hear evidence obtained without a warrant.',
      'The judges',
    ),
  ],
  [
    claim(
      'Okoro’s lawyer, Helen Marsh, said her client had always maintained his innocence and would now seek compensation.',
      ['Okoro’s lawyer, Helen Marsh', 'Helen Marsh'],
    ),
    claim(
      'The Crown Prosecution Service said it was considering whether to seek a retrial.',
      'The Crown Prosecution Service',
    ),
  ],
  [
    claim(
      'Okoro had served most of his sentence before he was released on bail last year, court records show.',
      'court records',
    ),
    colour('He hugged his wife on the steps of the court and did not speak to reporters.'),
  ],
  [
    claim(
      'A police watchdog report found that officers in his unit had routinely ignored rules on searches, the Evening Post reported.',
      'the Evening Post',
    ),
    claim('The force said it had changed its procedures since then.', 'The force'),
  ],
  [
    opinion('The ruling raises awkward questions for the force.'),
    background('Misconduct in public office carries a maximum sentence of life imprisonment.'),
  ],
]);
