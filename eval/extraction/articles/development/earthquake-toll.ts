import type { EvalArticle } from '../../types.js';

// Invented wire story: an earthquake death toll (country, towns and people are fictional).
export const earthquakeToll: EvalArticle = {
  id: 'earthquake-toll',
  kind: 'disaster',
  text: `(Harbor Wire) - The death toll from the earthquake that struck southern Marevia on Sunday rose to at least 2,316 on Tuesday, the country's disaster management agency said, as rescuers pulled more survivors from collapsed buildings.
The magnitude 7.1 quake was centered near the town of Kesra, about 40 kilometers (25 miles) west of the provincial capital, the U.S. Geological Survey said.
More than 9,400 people were injured and roughly 60,000 have been left homeless, agency head Lt. Gen. Omar Haddad told a news conference in the capital. "The numbers will rise. There are still people under the rubble in dozens of villages we have not reached," Haddad said.
Interior Minister Leila Nasser said 312 buildings had collapsed in Kesra alone and that up to 40% of homes in the worst-hit districts were damaged beyond repair.
The Red Crescent put the number of people in need of emergency shelter at nearly 150,000, double the government's estimate. Government officials disputed that figure, saying many displaced families were staying with relatives.
Local media reported that a dam upstream of Kesra may have been cracked by the quake, though officials said it was structurally sound. The claim could not be independently verified.
The World Bank estimated preliminary economic losses at $3.8 billion, equal to about 6% of Marevia's gross domestic product.
International aid began arriving Monday. Neighboring Tarsia sent 120 rescuers and six search dogs, and the European Union pledged 15 million euros in emergency aid, the bloc's humanitarian commissioner said in a statement.
Mr. Haddad said the window for finding survivors was closing, with overnight temperatures falling below freezing.
Aftershocks continued through Tuesday, including one of magnitude 5.4, the Marevian Seismological Institute reported.
Residents of Kesra said they had received no help for the first 36 hours.
"We dug with our hands," said Yusuf Demir, 52, who lost his brother and two nephews. "Nobody came until yesterday."
The quake was the deadliest in the region since 1999, when more than 17,000 people were killed.`,
  negatives: [
    { sentence: 'The claim could not be independently verified.', kind: 'background' },
    { sentence: 'International aid began arriving Monday.', kind: 'background' },
  ],
  candidates: [
    {
      sentence:
        "(Harbor Wire) - The death toll from the earthquake that struck southern Marevia on Sunday rose to at least 2,316 on Tuesday, the country's disaster management agency said, as rescuers pulled more survivors from collapsed buildings.",
      claimant: "the country's disaster management agency",
      figures: [{ value: 2316, qualifier: 'at_least' }],
      hedges: [],
    },
    {
      sentence:
        'The magnitude 7.1 quake was centered near the town of Kesra, about 40 kilometers (25 miles) west of the provincial capital, the U.S. Geological Survey said.',
      claimant: 'the U.S. Geological Survey',
      figures: [
        { value: 7.1, qualifier: null },
        { value: 40, qualifier: 'approximately' },
        { value: 25, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'More than 9,400 people were injured and roughly 60,000 have been left homeless, agency head Lt. Gen. Omar Haddad told a news conference in the capital.',
      claimant: [
        'agency head Lt. Gen. Omar Haddad',
        'Lt. Gen. Omar Haddad',
        'Omar Haddad',
        'Haddad',
      ],
      figures: [
        { value: 9400, qualifier: 'more_than' },
        { value: 60000, qualifier: 'approximately' },
      ],
      hedges: [],
    },
    {
      sentence: '"The numbers will rise.',
      claimant: [
        'agency head Lt. Gen. Omar Haddad',
        'Lt. Gen. Omar Haddad',
        'Omar Haddad',
        'Haddad',
      ],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'There are still people under the rubble in dozens of villages we have not reached," Haddad said.',
      claimant: [
        'agency head Lt. Gen. Omar Haddad',
        'Lt. Gen. Omar Haddad',
        'Omar Haddad',
        'Haddad',
      ],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Interior Minister Leila Nasser said 312 buildings had collapsed in Kesra alone and that up to 40% of homes in the worst-hit districts were damaged beyond repair.',
      claimant: 'Interior Minister Leila Nasser',
      figures: [
        { value: 312, qualifier: null },
        { value: 40, qualifier: 'up_to' },
      ],
      hedges: [],
    },
    {
      sentence:
        "The Red Crescent put the number of people in need of emergency shelter at nearly 150,000, double the government's estimate.",
      claimant: 'The Red Crescent',
      figures: [{ value: 150000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'Government officials disputed that figure, saying many displaced families were staying with relatives.',
      claimant: 'Government officials',
      figures: [],
      hedges: ['disputed'],
    },
    {
      sentence:
        'Local media reported that a dam upstream of Kesra may have been cracked by the quake, though officials said it was structurally sound.',
      claimant: 'Local media',
      figures: [],
      hedges: ['may have been'],
    },
    {
      sentence:
        "The World Bank estimated preliminary economic losses at $3.8 billion, equal to about 6% of Marevia's gross domestic product.",
      claimant: 'The World Bank',
      figures: [
        { value: 3800000000, qualifier: null },
        { value: 6, qualifier: 'approximately' },
      ],
      hedges: ['preliminary'],
    },
    {
      sentence:
        "Neighboring Tarsia sent 120 rescuers and six search dogs, and the European Union pledged 15 million euros in emergency aid, the bloc's humanitarian commissioner said in a statement.",
      claimant: "the bloc's humanitarian commissioner",
      figures: [
        { value: 120, qualifier: null },
        { value: 6, qualifier: null },
        { value: 15000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Mr. Haddad said the window for finding survivors was closing, with overnight temperatures falling below freezing.',
      claimant: [
        'Mr. Haddad',
        'agency head Lt. Gen. Omar Haddad',
        'Lt. Gen. Omar Haddad',
        'Omar Haddad',
        'Haddad',
      ],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Aftershocks continued through Tuesday, including one of magnitude 5.4, the Marevian Seismological Institute reported.',
      claimant: 'the Marevian Seismological Institute',
      figures: [{ value: 5.4, qualifier: null }],
      hedges: [],
    },
    {
      sentence: 'Residents of Kesra said they had received no help for the first 36 hours.',
      claimant: 'Residents of Kesra',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        '"We dug with our hands," said Yusuf Demir, 52, who lost his brother and two nephews.',
      claimant: ['Yusuf Demir', 'Yusuf Demir, 52'],
      figures: [
        { value: 52, qualifier: null },
        { value: 2, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence: '"Nobody came until yesterday."',
      claimant: ['Yusuf Demir', 'Yusuf Demir, 52'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The quake was the deadliest in the region since 1999, when more than 17,000 people were killed.',
      claimant: null,
      figures: [{ value: 17000, qualifier: 'more_than' }],
      hedges: [],
    },
  ],
};
