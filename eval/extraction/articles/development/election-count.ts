import type { EvalArticle } from '../../types.js';

// Invented wire story: a close governor's race count (names and places are fictional).
export const electionCount: EvalArticle = {
  id: 'election-count',
  kind: 'elections',
  text: `(Harbor Wire) — Incumbent Governor Maria Delgado held a narrow lead early Thursday as election officials in Westmoreland State counted the last of roughly 1.4 million ballots, with thousands of mail-in votes still to be tallied.
With 92% of precincts reporting, Delgado had 612,450 votes, or 50.8%, to 593,120 for Republican challenger Tom Birch, according to the state Board of Elections.
Birch told supporters in Carson City shortly after midnight that the race was “far from over” and that he would not concede until every vote was counted. “We are going to make sure that every legal ballot is counted, and counted once,” he said.
Election officials said about 48,000 mail-in ballots postmarked by Nov. 5 could still arrive through Friday under state law.
Board of Elections spokesman Ray Okafor said turnout was on track to reach 67%, the highest for a midterm since 1994. Okafor said the board had received fewer than 20 complaints about voting machines, most of them in Pike County, where polls stayed open an extra hour after a power outage.
It was unclear how many voters were turned away before the polls reopened.
The Birch campaign alleged that at least 300 provisional ballots in Pike County had been handled improperly, a claim county officials dispute.
“There is no evidence of any irregularity,” Pike County Clerk Janet Morrow told the Harbor Wire. “Every provisional ballot is sealed and logged.”
Delgado, a former prosecutor who won her first term in 2018 by almost 40,000 votes, thanked volunteers at a rally in the state capital.
“The people of Westmoreland have spoken, and we will be patient while the count is finished,” she told the crowd.
In the state Senate, Democrats appeared set to keep control, winning 18 of the 33 seats, according to preliminary results compiled by the Associated Press.
Preliminary results also suggest a ballot measure to raise the minimum wage to $15 an hour passed with nearly 58% of the vote. The measure would raise pay for an estimated 210,000 workers, the state's Labor Department said in a report last month.
Business groups, which spent more than $6.5 million opposing the measure, said they had not decided whether to challenge it in court.
Voters also rejected a proposed $2.1 billion bond for road repairs by a margin of 12 percentage points.
The results will not be certified until Dec. 1, the Secretary of State's office said.
Both campaigns could not immediately be reached for comment on Thursday.
Political analysts said the outcome could hinge on the remaining mail-in ballots, which have favored Democrats in recent elections.`,
  negatives: [
    {
      sentence: 'It was unclear how many voters were turned away before the polls reopened.',
      kind: 'background',
    },
    {
      sentence: 'Both campaigns could not immediately be reached for comment on Thursday.',
      kind: 'background',
    },
    {
      sentence:
        'Political analysts said the outcome could hinge on the remaining mail-in ballots, which have favored Democrats in recent elections.',
      kind: 'opinion',
    },
  ],
  candidates: [
    {
      sentence:
        '(Harbor Wire) — Incumbent Governor Maria Delgado held a narrow lead early Thursday as election officials in Westmoreland State counted the last of roughly 1.4 million ballots, with thousands of mail-in votes still to be tallied.',
      claimant: null,
      figures: [{ value: 1400000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'With 92% of precincts reporting, Delgado had 612,450 votes, or 50.8%, to 593,120 for Republican challenger Tom Birch, according to the state Board of Elections.',
      claimant: 'the state Board of Elections',
      figures: [
        { value: 92, qualifier: null },
        { value: 612450, qualifier: null },
        { value: 50.8, qualifier: null },
        { value: 593120, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Birch told supporters in Carson City shortly after midnight that the race was “far from over” and that he would not concede until every vote was counted.',
      claimant: ['Birch', 'Republican challenger Tom Birch', 'Tom Birch'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        '“We are going to make sure that every legal ballot is counted, and counted once,” he said.',
      claimant: ['Birch', 'Republican challenger Tom Birch', 'Tom Birch'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Election officials said about 48,000 mail-in ballots postmarked by Nov. 5 could still arrive through Friday under state law.',
      claimant: 'Election officials',
      figures: [{ value: 48000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Board of Elections spokesman Ray Okafor said turnout was on track to reach 67%, the highest for a midterm since 1994.',
      claimant: 'Board of Elections spokesman Ray Okafor',
      figures: [{ value: 67, qualifier: null }],
      hedges: [],
    },
    {
      sentence:
        'Okafor said the board had received fewer than 20 complaints about voting machines, most of them in Pike County, where polls stayed open an extra hour after a power outage.',
      claimant: ['Okafor', 'Board of Elections spokesman Ray Okafor', 'Ray Okafor'],
      figures: [{ value: 20, qualifier: 'less_than' }],
      hedges: [],
    },
    {
      sentence:
        'The Birch campaign alleged that at least 300 provisional ballots in Pike County had been handled improperly, a claim county officials dispute.',
      claimant: 'The Birch campaign',
      figures: [{ value: 300, qualifier: 'at_least' }],
      hedges: ['alleged', 'dispute'],
    },
    {
      sentence:
        '“There is no evidence of any irregularity,” Pike County Clerk Janet Morrow told the Harbor Wire.',
      claimant: ['Pike County Clerk Janet Morrow', 'Janet Morrow'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '“Every provisional ballot is sealed and logged.”',
      claimant: ['Pike County Clerk Janet Morrow', 'Janet Morrow'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Delgado, a former prosecutor who won her first term in 2018 by almost 40,000 votes, thanked volunteers at a rally in the state capital.',
      claimant: null,
      figures: [{ value: 40000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        '“The people of Westmoreland have spoken, and we will be patient while the count is finished,” she told the crowd.',
      claimant: ['Delgado', 'Incumbent Governor Maria Delgado', 'Maria Delgado'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'In the state Senate, Democrats appeared set to keep control, winning 18 of the 33 seats, according to preliminary results compiled by the Associated Press.',
      claimant: ['preliminary results compiled by the Associated Press', 'the Associated Press'],
      figures: [
        { value: 18, qualifier: null },
        { value: 33, qualifier: null },
      ],
      hedges: ['appeared', 'preliminary results'],
    },
    {
      sentence:
        'Preliminary results also suggest a ballot measure to raise the minimum wage to $15 an hour passed with nearly 58% of the vote.',
      claimant: null,
      figures: [
        { value: 15, qualifier: null },
        { value: 58, qualifier: 'approximately' },
      ],
      hedges: ['Preliminary results also suggest'],
    },
    {
      sentence:
        "The measure would raise pay for an estimated 210,000 workers, the state's Labor Department said in a report last month.",
      claimant: "the state's Labor Department",
      figures: [{ value: 210000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Business groups, which spent more than $6.5 million opposing the measure, said they had not decided whether to challenge it in court.',
      claimant: 'Business groups',
      figures: [{ value: 6500000, qualifier: 'more_than' }],
      hedges: [],
    },
    {
      sentence:
        'Voters also rejected a proposed $2.1 billion bond for road repairs by a margin of 12 percentage points.',
      claimant: null,
      figures: [
        { value: 2100000000, qualifier: null },
        { value: 12, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        "The results will not be certified until Dec. 1, the Secretary of State's office said.",
      claimant: "the Secretary of State's office",
      figures: [],
      hedges: [],
    },
  ],
};
