import type { EvalArticle } from '../../types.js';

// Invented wire story, first held out (written and labelled after the rules were first tuned),
// since tuned on and so part of the development set.
export const valleyFloods: EvalArticle = {
  id: 'valley-floods',
  kind: 'disaster',
  text: `(Harbor Wire) — Floodwaters in the Lower Arden valley had forced nearly 12,000 people from their homes by Saturday, the regional civil protection office said, and forecasters warned more rain was on the way.
Two people drowned when their car was swept off a bridge near Millbrook, police said. A third person, a 71-year-old farmer, was missing.
"The river rose faster than anyone expected," Millbrook Mayor Agnes Thorne told reporters at an evacuation center. "We had maybe two hours of warning."
The national weather service said up to 150 millimeters of rain had fallen in 48 hours, more than the valley usually gets in a month.
Insurers estimated early claims at about $240 million, a figure that could double once the water recedes, according to the Arden Insurance Council.
Premier Louis Garneau promised emergency payments of 2,500 dollars to each displaced household and said the army would deploy 400 soldiers.
Opposition leader Ruth Adeyemi accused the government of ignoring warnings about the valley's aging levees, which engineers flagged in a 2019 report.
A government spokesman denied that the levees had failed, saying the water had simply overtopped them.
Local residents said at least 30 homes had been destroyed in the village of Carrow, though officials have not confirmed the figure.
The cause of a fire at a flooded power substation, which left roughly 18,000 customers without electricity, was unclear.
Utility Eastgrid said it hoped to restore power to most customers by Monday.
Schools across the valley will remain closed on Monday.`,
  negatives: [
    { sentence: 'Schools across the valley will remain closed on Monday.', kind: 'background' },
  ],
  candidates: [
    {
      // Added with the negatives: a missing person is what a reporter checks.
      sentence: 'A third person, a 71-year-old farmer, was missing.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        '(Harbor Wire) — Floodwaters in the Lower Arden valley had forced nearly 12,000 people from their homes by Saturday, the regional civil protection office said, and forecasters warned more rain was on the way.',
      claimant: 'the regional civil protection office',
      figures: [{ value: 12000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Two people drowned when their car was swept off a bridge near Millbrook, police said.',
      claimant: 'police',
      figures: [{ value: 2, qualifier: null }],
      hedges: [],
    },
    {
      sentence:
        '"The river rose faster than anyone expected," Millbrook Mayor Agnes Thorne told reporters at an evacuation center.',
      claimant: ['Millbrook Mayor Agnes Thorne', 'Agnes Thorne'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '"We had maybe two hours of warning."',
      claimant: ['Millbrook Mayor Agnes Thorne', 'Agnes Thorne'],
      figures: [],
      hedges: ['maybe'],
    },
    {
      sentence:
        'The national weather service said up to 150 millimeters of rain had fallen in 48 hours, more than the valley usually gets in a month.',
      claimant: 'The national weather service',
      figures: [{ value: 150, qualifier: 'up_to' }],
      hedges: [],
    },
    {
      sentence:
        'Insurers estimated early claims at about $240 million, a figure that could double once the water recedes, according to the Arden Insurance Council.',
      claimant: ['the Arden Insurance Council', 'Insurers'],
      figures: [{ value: 240000000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Premier Louis Garneau promised emergency payments of 2,500 dollars to each displaced household and said the army would deploy 400 soldiers.',
      claimant: 'Premier Louis Garneau',
      figures: [
        { value: 2500, qualifier: null },
        { value: 400, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        "Opposition leader Ruth Adeyemi accused the government of ignoring warnings about the valley's aging levees, which engineers flagged in a 2019 report.",
      claimant: 'Opposition leader Ruth Adeyemi',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'A government spokesman denied that the levees had failed, saying the water had simply overtopped them.',
      claimant: 'A government spokesman',
      figures: [],
      hedges: ['denied'],
    },
    {
      sentence:
        'Local residents said at least 30 homes had been destroyed in the village of Carrow, though officials have not confirmed the figure.',
      claimant: 'Local residents',
      figures: [{ value: 30, qualifier: 'at_least' }],
      hedges: ['not confirmed'],
    },
    {
      sentence:
        'The cause of a fire at a flooded power substation, which left roughly 18,000 customers without electricity, was unclear.',
      claimant: null,
      figures: [{ value: 18000, qualifier: 'approximately' }],
      hedges: ['unclear'],
    },
    {
      sentence: 'Utility Eastgrid said it hoped to restore power to most customers by Monday.',
      claimant: 'Utility Eastgrid',
      figures: [],
      hedges: [],
    },
  ],
};
