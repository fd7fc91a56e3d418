import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a regulator fines a bank.
// People, places and organisations are fictional.
export const bankFine = article('bank-fine', 'business', [
  [
    claim(
      'The Financial Conduct Board fined Meridian Bank for failing to stop suspicious payments, the regulator said on Tuesday.',
      'The Financial Conduct Board',
    ),
    claim(
      'It said the bank had ignored warnings from its own staff for most of a decade.',
      'The Financial Conduct Board',
    ),
  ],
  [
    claim(
      'Meridian, the country’s third-largest lender, said it accepted the findings and had replaced its compliance team.',
      ['Meridian, the country’s third-largest lender', 'Meridian'],
    ),
    claim(
      'A spokesperson for the bank told Reuters that no customers had lost money.',
      'A spokesperson for the bank',
    ),
  ],
  [
    claim(
      'In a letter to shareholders, chairman Oliver Strand wrote that the failings were “unacceptable” and that the board would cut executive bonuses.',
      ['chairman Oliver Strand', 'Oliver Strand'],
    ),
    claim(
      'Former employees told the Financial Ledger that managers had discouraged them from reporting concerns.',
      'Former employees',
    ),
  ],
  [
    claim('Meridian has denied that account.', 'Meridian', [], ['denied']),
    colour(
      'Outside Meridian’s glass tower in the financial district, the lunchtime crowds barely paused.',
    ),
  ],
  [
    opinion('Fines like this one rarely change how banks behave.'),
    background(
      'The regulator was given new powers to punish banks after the last financial crisis.',
    ),
  ],
]);
