import { article, background, claim, colour, opinion } from '../../label.js';

// Written for the evaluation (development part): national exam results.
// People, places and organisations are fictional.
export const examResults = article('exam-results', 'education', [
  [
    claim(
      'The share of pupils earning top grades in final-year exams fell for a second year, the national exams board said on Thursday.',
      'the national exams board',
    ),
    claim(
      'Top grades went to 22.4% of entries, down from 24.1% last year, according to the board’s figures.',
      ['the board’s figures', 'the national exams board'],
      [[22.4], [24.1]],
    ),
  ],
  [
    claim(
      'Education minister Sofia Lund said the fall was expected as grading returned to normal after the pandemic.',
      ['Education minister Sofia Lund', 'Sofia Lund'],
    ),
    claim(
      'Headteachers’ association leader Mark Devlin said schools in poorer areas had been hit hardest, and the gap with private schools had widened.',
      ['Headteachers’ association leader Mark Devlin', 'Mark Devlin'],
    ),
  ],
  [
    claim('The board said it had received a record number of requests for remarking.', [
      'the national exams board',
      'The board',
    ]),
    colour('At Northfield Academy, pupils tore open envelopes and hugged in the corridor.'),
  ],
  [
    claim(
      'Some universities had already filled their places in medicine and law, the admissions service said.',
      'the admissions service',
    ),
    opinion('For many families, the results will feel like a lottery.'),
    background('Final-year exams decide most university places in the country.'),
  ],
]);
