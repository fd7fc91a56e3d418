import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): a senate vote on an election law.
// People, places and organisations are fictional.
export const senateVote = article('senate-vote', 'elections', [
  [
    claim(
      'The Senate passed a bill on Thursday that would let voters register on the day of an election.',
      null,
    ),
    claim(
      'Supporters said the change would bring thousands of young people into the electoral roll.',
      'Supporters',
    ),
  ],
  [
    claim(
      'Senator Amara Blake, who wrote the bill, said similar laws had raised turnout elsewhere without any sign of fraud.',
      ['Senator Amara Blake', 'Amara Blake'],
    ),
    claim(
      'Opponents argued that election officials would not have time to check identities.',
      'Opponents',
    ),
  ],
  [
    claim(
      'The Electoral Office said it had not been consulted on the bill’s final wording.',
      'The Electoral Office',
    ),
    claim(
      'It said it would need more staff at polling stations if the bill became law.',
      'The Electoral Office',
    ),
  ],
  [
    // Nothing said, so nothing to check.
    background('The governor’s spokesman, Leo Hart, would not say whether she would sign it.'),
    claim('A newspaper poll published last month suggested most voters backed the change.', [
      'A newspaper poll published last month',
      'A newspaper poll',
    ]),
  ],
  [
    colour('Supporters in the gallery clapped when the result was read out.'),
    opinion('Election rules should not be changed in a hurry.'),
    background('The bill now goes to the lower house.'),
  ],
]);
