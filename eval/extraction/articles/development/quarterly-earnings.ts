import type { EvalArticle } from '../../types.js';

// Invented wire story: a chipmaker's quarterly results (company and people are fictional).
export const quarterlyEarnings: EvalArticle = {
  id: 'quarterly-earnings',
  kind: 'business',
  text: `(Harbor Wire) - Northwind Semiconductor said on Tuesday that its third-quarter revenue rose 18% to $4.2 billion, beating analysts' expectations as demand for data-center chips stayed strong.
Net income climbed to $912 million, or $1.87 per share, from $655 million, or $1.34 per share, a year earlier, the company said in a statement. Analysts polled by LSEG had expected earnings of $1.71 per share on revenue of $4.05 billion.
Shares of the San Jose, Calif.-based company jumped about 9% in extended trading after the results were released.
Chief Executive Officer Priya Raman told analysts on a conference call that orders from cloud providers had "more than doubled" compared with the same period last year.
"We are shipping every wafer we can get," she said. "Supply, not demand, is what limits us right now."
The company forecast fourth-quarter revenue of between $4.4 billion and $4.6 billion, above the $4.3 billion analysts had expected.
Raman said Northwind plans to hire roughly 1,500 engineers over the next 12 months, mostly in Texas and Singapore.
Not everything went smoothly. Revenue from the company's consumer division fell 6% to $610 million, hurt by weaker smartphone sales in China. Chief Financial Officer Mark Ellis said inventory write-downs cost the division about $45 million in the quarter.
Northwind also disclosed that U.S. regulators had opened an inquiry into its export practices earlier this year. The company said it was cooperating fully and did not expect the inquiry to have a material effect on its results. A spokeswoman for the Commerce Department declined to comment.
Northwind reportedly held early talks to acquire Israeli chip designer Tavor Labs for up to $2 billion, according to two people familiar with the matter who spoke on condition of anonymity. Northwind did not respond to a request for comment on the report, and the talks may have ended without an agreement, one of the people said.
The stock has gained 41% since January, compared with a 17% rise in the Philadelphia Semiconductor Index.
Gross margin widened to 61.5% from 58.2%, the company said.
"This was a clean quarter," said Dana Whitfield, an analyst at Crestline Securities. "The only question is how long the cloud build-out lasts."
Northwind employs about 23,000 people worldwide.`,
  negatives: [
    { sentence: 'Not everything went smoothly.', kind: 'colour' },
    {
      sentence: 'A spokeswoman for the Commerce Department declined to comment.',
      kind: 'background',
    },
  ],
  candidates: [
    {
      sentence:
        "(Harbor Wire) - Northwind Semiconductor said on Tuesday that its third-quarter revenue rose 18% to $4.2 billion, beating analysts' expectations as demand for data-center chips stayed strong.",
      claimant: 'Northwind Semiconductor',
      figures: [
        { value: 18, qualifier: null },
        { value: 4200000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Net income climbed to $912 million, or $1.87 per share, from $655 million, or $1.34 per share, a year earlier, the company said in a statement.',
      claimant: ['Northwind Semiconductor', 'the company', 'Northwind'],
      figures: [
        { value: 912000000, qualifier: null },
        { value: 1.87, qualifier: null },
        { value: 655000000, qualifier: null },
        { value: 1.34, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Analysts polled by LSEG had expected earnings of $1.71 per share on revenue of $4.05 billion.',
      claimant: null,
      figures: [
        { value: 1.71, qualifier: null },
        { value: 4050000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Shares of the San Jose, Calif.-based company jumped about 9% in extended trading after the results were released.',
      claimant: null,
      figures: [{ value: 9, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Chief Executive Officer Priya Raman told analysts on a conference call that orders from cloud providers had "more than doubled" compared with the same period last year.',
      claimant: ['Chief Executive Officer Priya Raman', 'Priya Raman', 'Raman'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '"We are shipping every wafer we can get," she said.',
      claimant: ['Chief Executive Officer Priya Raman', 'Priya Raman', 'Raman'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '"Supply, not demand, is what limits us right now."',
      claimant: ['Chief Executive Officer Priya Raman', 'Priya Raman', 'Raman'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The company forecast fourth-quarter revenue of between $4.4 billion and $4.6 billion, above the $4.3 billion analysts had expected.',
      claimant: ['Northwind Semiconductor', 'the company', 'Northwind'],
      figures: [
        { value: 4400000000, qualifier: null },
        { value: 4600000000, qualifier: null },
        { value: 4300000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Raman said Northwind plans to hire roughly 1,500 engineers over the next 12 months, mostly in Texas and Singapore.',
      claimant: ['Chief Executive Officer Priya Raman', 'Priya Raman', 'Raman'],
      figures: [{ value: 1500, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        "Revenue from the company's consumer division fell 6% to $610 million, hurt by weaker smartphone sales in China.",
      claimant: null,
      figures: [
        { value: 6, qualifier: null },
        { value: 610000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Chief Financial Officer Mark Ellis said inventory write-downs cost the division about $45 million in the quarter.',
      claimant: 'Chief Financial Officer Mark Ellis',
      figures: [{ value: 45000000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Northwind also disclosed that U.S. regulators had opened an inquiry into its export practices earlier this year.',
      claimant: ['Northwind Semiconductor', 'the company', 'Northwind'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The company said it was cooperating fully and did not expect the inquiry to have a material effect on its results.',
      claimant: ['Northwind Semiconductor', 'the company', 'Northwind'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Northwind reportedly held early talks to acquire Israeli chip designer Tavor Labs for up to $2 billion, according to two people familiar with the matter who spoke on condition of anonymity.',
      claimant: 'two people familiar with the matter',
      figures: [
        { value: 2000000000, qualifier: 'up_to' },
        { value: 2, qualifier: null },
      ],
      hedges: ['reportedly', 'on condition of anonymity'],
    },
    {
      sentence:
        'Northwind did not respond to a request for comment on the report, and the talks may have ended without an agreement, one of the people said.',
      claimant: 'one of the people',
      figures: [],
      hedges: ['did not respond', 'may have'],
    },
    {
      sentence:
        'The stock has gained 41% since January, compared with a 17% rise in the Philadelphia Semiconductor Index.',
      claimant: null,
      figures: [
        { value: 41, qualifier: null },
        { value: 17, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence: 'Gross margin widened to 61.5% from 58.2%, the company said.',
      claimant: ['Northwind Semiconductor', 'the company', 'Northwind'],
      figures: [
        { value: 61.5, qualifier: null },
        { value: 58.2, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        '"This was a clean quarter," said Dana Whitfield, an analyst at Crestline Securities.',
      claimant: ['Dana Whitfield, an analyst at Crestline Securities', 'Dana Whitfield'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '"The only question is how long the cloud build-out lasts."',
      claimant: ['Dana Whitfield, an analyst at Crestline Securities', 'Dana Whitfield'],
      figures: [],
      hedges: [],
    },
    {
      sentence: 'Northwind employs about 23,000 people worldwide.',
      claimant: null,
      figures: [{ value: 23000, qualifier: 'approximately' }],
      hedges: [],
    },
  ],
};
