import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a fraud verdict in a crown court.
// People, places and organisations are fictional.
export const fraudTrial = article('fraud-trial', 'courts', [
  [
    claim(
      'A jury at Norcaster Crown Court on Thursday convicted Simon Arkwright, a former finance director of Halberd Logistics, of stealing from the company.',
      null,
    ),
    claim(
      'Prosecutors said Arkwright had moved money from company accounts into a property business run by his brother over six years.',
      'Prosecutors',
    ),
  ],
  [
    claim(
      'Arkwright denied the charges and told the court he had been following instructions from the company’s chief executive.',
      ['Simon Arkwright', 'Arkwright'],
      [],
      ['denied'],
    ),
    claim(
      'The chief executive, Marian Doyle, said in a statement that she had known nothing of the payments.',
      ['The chief executive, Marian Doyle', 'Marian Doyle'],
    ),
  ],
  [
    claim(
      'Judge Ellen Prothero said Arkwright would be sentenced next month and warned him to expect a prison term.',
      'Judge Ellen Prothero',
    ),
    claim(
      'Halberd Logistics has said it recovered most of the money through a civil claim.',
      'Halberd Logistics',
    ),
  ],
  [
    colour(
      'Arkwright showed no emotion as the verdict was read, and his wife wept in the public gallery.',
    ),
  ],
  [
    claim(
      'The case was brought after an internal audit flagged irregular payments, according to court documents.',
      'court documents',
    ),
    opinion('It is the kind of case that makes investors wonder who is minding the books.'),
  ],
  [background('Norcaster Crown Court hears the region’s most serious criminal cases.')],
]);
