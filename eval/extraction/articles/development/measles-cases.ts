import type { EvalArticle } from '../../types.js';

// Invented wire story: a national measles count (officials and places are fictional).
export const measlesCases: EvalArticle = {
  id: 'measles-cases',
  kind: 'health',
  text: `(Harbor Wire) — Measles cases in the country have reached their highest level in more than two decades, with 1,274 confirmed infections reported so far this year, the Centers for Disease Control and Prevention said Friday.
The tally is more than four times the 285 cases recorded in all of last year, according to the agency’s weekly update. Most of the cases, about 86%, were in people who were unvaccinated or whose vaccination status was unknown, the CDC said.
At least 147 patients have been hospitalized and three children have died, the agency said, the first measles deaths in the United States since 2015.
Dr. Helen Castillo, who heads the CDC’s immunization division, said vaccination rates among kindergartners had slipped to 92.7% last school year, below the 95% needed to stop outbreaks.
“Measles is one of the most contagious diseases we know, and it finds the gaps,” Castillo told reporters on a call. “Every one of these cases was preventable.”
The largest outbreak, in rural Dawson County, accounts for nearly half of all cases nationwide. State health officials there said contact tracing had identified as many as 600 people who may have been exposed at a church gathering in February.
County health director Samuel Ortiz said the true number of infections was probably higher because some families avoided testing. “We know we are missing cases,” he said.
Officials in two neighboring states reported smaller clusters linked to the Dawson outbreak, though it was unclear whether all of them stemmed from the same source.
A group opposed to vaccine mandates claimed on social media that the hospitalizations were caused by a misdiagnosis, a claim health officials said was false. The group did not provide evidence for the claim.
Health authorities have run free vaccination clinics since March and say they have given roughly 35,000 doses in the affected region.
The World Health Organization said global measles cases rose 20% last year to an estimated 10.3 million, driven by gaps in immunization during the pandemic.
The numbers reported by the CDC are preliminary and may change as states submit late reports, a spokeswoman said.`,
  negatives: [
    { sentence: 'The group did not provide evidence for the claim.', kind: 'background' },
    {
      sentence:
        'The numbers reported by the CDC are preliminary and may change as states submit late reports, a spokeswoman said.',
      kind: 'background',
    },
  ],
  candidates: [
    {
      sentence:
        '(Harbor Wire) — Measles cases in the country have reached their highest level in more than two decades, with 1,274 confirmed infections reported so far this year, the Centers for Disease Control and Prevention said Friday.',
      claimant: 'the Centers for Disease Control and Prevention',
      figures: [{ value: 1274, qualifier: null }],
      hedges: [],
    },
    {
      sentence:
        'The tally is more than four times the 285 cases recorded in all of last year, according to the agency’s weekly update.',
      claimant: [
        'the agency’s weekly update',
        'the Centers for Disease Control and Prevention',
        'the agency',
        'the CDC',
        'the agency’s weekly update',
      ],
      figures: [
        { value: 4, qualifier: 'more_than' },
        { value: 285, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Most of the cases, about 86%, were in people who were unvaccinated or whose vaccination status was unknown, the CDC said.',
      claimant: ['the CDC', 'the Centers for Disease Control and Prevention'],
      figures: [{ value: 86, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'At least 147 patients have been hospitalized and three children have died, the agency said, the first measles deaths in the United States since 2015.',
      claimant: [
        'the Centers for Disease Control and Prevention',
        'the agency',
        'the CDC',
        'the agency’s weekly update',
      ],
      figures: [
        { value: 147, qualifier: 'at_least' },
        { value: 3, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Dr. Helen Castillo, who heads the CDC’s immunization division, said vaccination rates among kindergartners had slipped to 92.7% last school year, below the 95% needed to stop outbreaks.',
      claimant: [
        'Dr. Helen Castillo, who heads the CDC’s immunization division',
        'Dr. Helen Castillo',
        'Helen Castillo',
        'Castillo',
      ],
      figures: [
        { value: 92.7, qualifier: null },
        { value: 95, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        '“Measles is one of the most contagious diseases we know, and it finds the gaps,” Castillo told reporters on a call.',
      claimant: [
        'Dr. Helen Castillo, who heads the CDC’s immunization division',
        'Dr. Helen Castillo',
        'Helen Castillo',
        'Castillo',
      ],
      figures: [],
      hedges: [],
    },
    {
      sentence: '“Every one of these cases was preventable.”',
      claimant: [
        'Dr. Helen Castillo, who heads the CDC’s immunization division',
        'Dr. Helen Castillo',
        'Helen Castillo',
        'Castillo',
      ],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The largest outbreak, in rural Dawson County, accounts for nearly half of all cases nationwide.',
      claimant: null,
      figures: [{ value: 0.5, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'State health officials there said contact tracing had identified as many as 600 people who may have been exposed at a church gathering in February.',
      claimant: ['State health officials', 'State health officials there'],
      figures: [{ value: 600, qualifier: 'up_to' }],
      hedges: ['may have been'],
    },
    {
      sentence:
        'County health director Samuel Ortiz said the true number of infections was probably higher because some families avoided testing.',
      claimant: ['County health director Samuel Ortiz', 'Samuel Ortiz', 'Ortiz'],
      figures: [],
      hedges: ['probably'],
    },
    {
      sentence: '“We know we are missing cases,” he said.',
      claimant: ['County health director Samuel Ortiz', 'Samuel Ortiz', 'Ortiz'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Officials in two neighboring states reported smaller clusters linked to the Dawson outbreak, though it was unclear whether all of them stemmed from the same source.',
      claimant: 'Officials in two neighboring states',
      figures: [{ value: 2, qualifier: null }],
      hedges: ['it was unclear'],
    },
    {
      sentence:
        'A group opposed to vaccine mandates claimed on social media that the hospitalizations were caused by a misdiagnosis, a claim health officials said was false.',
      claimant: 'A group opposed to vaccine mandates',
      figures: [],
      hedges: ['claimed'],
    },
    {
      sentence:
        'Health authorities have run free vaccination clinics since March and say they have given roughly 35,000 doses in the affected region.',
      claimant: 'Health authorities',
      figures: [{ value: 35000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'The World Health Organization said global measles cases rose 20% last year to an estimated 10.3 million, driven by gaps in immunization during the pandemic.',
      claimant: 'The World Health Organization',
      figures: [
        { value: 20, qualifier: null },
        { value: 10300000, qualifier: 'approximately' },
      ],
      hedges: [],
    },
  ],
};
