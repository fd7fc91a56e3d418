import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (test part): a football club sacks its manager.
// People, places and organisations are fictional.
export const managerSacked = article('manager-sacked', 'sport', [
  [
    claim(
      'Harrowgate United have sacked manager Leon Price after a run of defeats that left the club bottom of the league, the club said on Wednesday.',
      ['Harrowgate United', 'the club'],
    ),
    claim(
      'Assistant coach Mia Sorensen will take charge of the team for Saturday’s match against Brockley, the club added.',
      ['Harrowgate United', 'the club'],
    ),
  ],
  [
    claim(
      'Price, who joined from Ardmore Town in the summer, won 2 of his 14 league matches in charge.',
      null,
      [[2], [14]],
    ),
    colour(
      'Fans chanted his name at his first home game, but the mood soured as the season wore on.',
    ),
  ],
  [
    claim('Club chairman Gareth Boyle said the decision had been taken with regret.', [
      'Club chairman Gareth Boyle',
      'Gareth Boyle',
    ]),
    claim(
      'He said the board had received several approaches from experienced managers and hoped to appoint a permanent successor before the transfer window opens.',
      ['Club chairman Gareth Boyle', 'Gareth Boyle'],
    ),
  ],
  [
    claim(
      'The Daily Courier reported that former England defender Sam Whitlow had been interviewed for the job, but the club could not confirm it.',
      'The Daily Courier',
      [],
      ['could not confirm'],
    ),
    opinion(
      'Whoever takes over will inherit a squad short of confidence and a crowd short of patience.',
    ),
  ],
  [
    claim(
      'Price’s agent, Jon Rudd, said his client was disappointed but proud of the work he had done.',
      ['Price’s agent, Jon Rudd', 'Jon Rudd'],
    ),
    background(
      'Harrowgate play their home games at Mill Lane, a ground they have used since their founding.',
    ),
  ],
]);
