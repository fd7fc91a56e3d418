import type { EvalArticle } from '../../types.js';

// Wire article (NewsNation Now, March 2022), copied from shared/fixtures so the evaluation set
// travels with the code.
export const khersonMariupol: EvalArticle = {
  id: 'kherson-mariupol',
  kind: 'conflict',
  text: `(NewsNation Now) — At least one and possibly two port cities in Ukraine have been surrounded by Russian forces as the seventh day of war draws to a close, military leaders said.
Britain’s Defense Ministry said Mariupol, a large city on the Azov Sea, was encircled by Russian forces. Kherson, another Black Sea port city, may have been captured, but Ukrainian officials dispute the fight there is over.
Ukrainian President Volodymyr Zelenskyy’s office told The Associated Press that it could not comment on the situation in Kherson while the fighting was still going on.
But the mayor of Kherson, Igor Kolykhaev, said Russian soldiers were in the city and came to the city administration building. He said he asked them not to shoot civilians and to allow crews to gather up the bodies from the streets.
“I simply asked them not to shoot at people,” he said in a statement. “We don’t have any Ukrainian forces in the city, only civilians and people here who want to LIVE.”
Mariupol Mayor Vadym Boychenko said the attacks there had been relentless.
“We cannot even take the wounded from the streets, from houses and apartments today, since the shelling does not stop,” he was quoted by the Interfax news agency as saying.
Also Wednesday, the United Nations General Assembly voted at an emergency special session to officially demand an immediate halt to Moscow’s invasion of Ukraine as the offensive now stretches to one week.
The vote on the resolution, entitled “Aggression Against Ukraine,” was 141-5 with 35 abstentions.
Assembly resolutions aren’t legally binding, but they do have clout in reflecting international opinion. Wednesday’s resolution condemned Russia’s “aggression” against Ukraine “in the strongest terms” and demanded an immediate and complete withdrawal of all Moscow’s forces.
Russian and Ukrainian officials are standing by to resume talks. The second round of talks is expected to take place Thursday in Belarus, though there appears to be little common ground between the two sides and little hope of a breakthrough resolution.
U.S. Secretary of State Antony Blinken said it was to hard see a diplomatic path without a military de-escalation.
So far, Ukraine’s State Emergency Service has said more than 2,000 civilians have died, though it was impossible to verify that claim.
Russia’s Defense Ministry said Wednesday that 498 of its troops were killed in Ukraine and 1,597 others are wounded. This is the first time Russia reported its military casualties since the invasion began.
Also Wednesday, the regional police and intelligence headquarters in the country’s second-largest city, Kharkiv, was struck by Russia, according to the Ukrainian state emergency service.
Oleg Sinehubov, head of the Kharkiv regional administration, said 21 people had been killed and at least 112 had been wounded over the previous 24 hours.
The strike blew off the roof of the police building and set the top floor on fire, and pieces of the five-story building were strewn across adjacent streets, according to videos and photos released by the emergency service.
The Ukrainian government’s center for strategic communications released images Wednesday of strikes hitting Kharkiv, with balls of fire lighting up the city skyline over populated areas.
The New York Times reported a vast convoy of Russian tanks and military vehicles continued its slow but steady advance on Ukraine’s capital city, moving to encircle Kyiv ahead of what officials fear could be a brutal and prolonged siege of the city of nearly three million.
A powerful rocket strike near Kyiv rail station on Wednesday evening may have cut off central heating supply to parts of the Ukrainian capital amid freezing winter temperatures, said interior ministry adviser Anton Herashchenko in an online post. Preliminary reports suggest there were no casualties.
Roughly 874,000 people have fled Ukraine and the U.N. refugee agency warned the number could cross the 1 million mark soon. Countless others have taken shelter underground.
The invasion has sparked a global outcry of support for Ukraine.
In a comment addressed to the Russian people, Blinken said the U.S. knew many of them wanted nothing to do with Putin’s decision to invade Ukraine.
Protests against the invasion resumed on Wednesday, with people taking to the streets of Moscow and St. Petersburg and other Russian towns despite mass arrests.
As the invasion grows, Russia is finding itself increasingly isolated economically.
U.S. Treasury Secretary Janet Yellen said on Wednesday that the United States and Western allies have immobilized half of the assets of the Russian central bank and will continue to impose “severe consequences” on Putin and the wealthy oligarchs who support him if he escalates his war in Ukraine.
“We have made it a priority to go after oligarchs or Russian elites who are key to President Putin’s corrupt power,” Yellen said. She added that Treasury, along with the Justice Department and U.S. allies, plans to “uncover, freeze and seize their wealth around the world.”
Airbus and Boeing said they would cut off spare parts and technical support to the country’s airlines, a major blow. Airbus and Boeing jets account for the vast majority of Russia’s passenger fleet.
The U.S. joined Canada and the EU in banning Russian flights from its airspace in retaliation for the invasion of Ukraine. However, Sweden says four Russian fighter jets violated its airspace over the Baltic Sea on Wednesday.
During the State of the Union address on Tuesday, Biden said the Justice Department was launching a task force to go after the crimes of Russian oligarchs, whom he called “corrupt leaders who have bilked billions of dollars off this violent regime.”
Attorney General Merrick Garland on Wednesday announced the creation of Task Force KleptoCapture, a team of federal agents and prosecutors responsible for investigating and prosecuting any violations of new and future sanctions.
That includes seizing the assets belonging to oligarchs and others who violate the sanctions, and thwarting any efforts to use cryptocurrency to get around sanctions.
Garland said in a statement announcing the sanctions that the Justice Department “will leave no stone unturned” in investigating and prosecuting “those whose criminal acts enable the Russian government to continue this unjust war.”
Faced with the threat of financial sanctions, Chelsea owner Roman Abramovich confirmed Wednesday he is trying to sell the Premier League club.`,
  negatives: [
    {
      sentence:
        'Assembly resolutions aren’t legally binding, but they do have clout in reflecting international opinion.',
      kind: 'background',
    },
    {
      sentence: 'Russian and Ukrainian officials are standing by to resume talks.',
      kind: 'background',
    },
    {
      sentence:
        'The second round of talks is expected to take place Thursday in Belarus, though there appears to be little common ground between the two sides and little hope of a breakthrough resolution.',
      kind: 'background',
    },
    { sentence: 'Countless others have taken shelter underground.', kind: 'colour' },
    {
      sentence: 'The invasion has sparked a global outcry of support for Ukraine.',
      kind: 'opinion',
    },
    {
      sentence:
        'Protests against the invasion resumed on Wednesday, with people taking to the streets of Moscow and St. Petersburg and other Russian towns despite mass arrests.',
      kind: 'background',
    },
    {
      sentence:
        'As the invasion grows, Russia is finding itself increasingly isolated economically.',
      kind: 'opinion',
    },
    {
      sentence: 'Airbus and Boeing jets account for the vast majority of Russia’s passenger fleet.',
      kind: 'background',
    },
    {
      sentence:
        'That includes seizing the assets belonging to oligarchs and others who violate the sanctions, and thwarting any efforts to use cryptocurrency to get around sanctions.',
      kind: 'background',
    },
  ],
  candidates: [
    {
      sentence:
        '(NewsNation Now) — At least one and possibly two port cities in Ukraine have been surrounded by Russian forces as the seventh day of war draws to a close, military leaders said.',
      claimant: 'military leaders',
      figures: [
        { value: 1, qualifier: 'at_least' },
        { value: 2, qualifier: null },
      ],
      hedges: ['possibly'],
    },
    {
      sentence:
        'Britain’s Defense Ministry said Mariupol, a large city on the Azov Sea, was encircled by Russian forces.',
      claimant: 'Britain’s Defense Ministry',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Kherson, another Black Sea port city, may have been captured, but Ukrainian officials dispute the fight there is over.',
      // Verbs of contest ("dispute", "deny") attribute a position, as "say" does.
      claimant: 'Ukrainian officials',
      figures: [],
      hedges: ['may have been', 'dispute'],
    },
    {
      sentence:
        'Ukrainian President Volodymyr Zelenskyy’s office told The Associated Press that it could not comment on the situation in Kherson while the fighting was still going on.',
      claimant: 'Ukrainian President Volodymyr Zelenskyy’s office',
      figures: [],
      hedges: ['could not comment'],
    },
    {
      sentence:
        'But the mayor of Kherson, Igor Kolykhaev, said Russian soldiers were in the city and came to the city administration building.',
      claimant: ['the mayor of Kherson, Igor Kolykhaev', 'Igor Kolykhaev'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'He said he asked them not to shoot civilians and to allow crews to gather up the bodies from the streets.',
      claimant: ['the mayor of Kherson, Igor Kolykhaev', 'Igor Kolykhaev'],
      figures: [],
      hedges: [],
    },
    {
      sentence: '“I simply asked them not to shoot at people,” he said in a statement.',
      claimant: ['the mayor of Kherson, Igor Kolykhaev', 'Igor Kolykhaev'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        '“We don’t have any Ukrainian forces in the city, only civilians and people here who want to LIVE.”',
      claimant: ['the mayor of Kherson, Igor Kolykhaev', 'Igor Kolykhaev'],
      figures: [],
      hedges: [],
    },
    {
      sentence: 'Mariupol Mayor Vadym Boychenko said the attacks there had been relentless.',
      claimant: 'Mariupol Mayor Vadym Boychenko',
      figures: [],
      hedges: [],
    },
    {
      // SPEC §7 names "the Interfax news agency" as the claimant here ("quoted by X").
      sentence:
        '“We cannot even take the wounded from the streets, from houses and apartments today, since the shelling does not stop,” he was quoted by the Interfax news agency as saying.',
      claimant: ['the Interfax news agency', 'Mariupol Mayor Vadym Boychenko'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Also Wednesday, the United Nations General Assembly voted at an emergency special session to officially demand an immediate halt to Moscow’s invasion of Ukraine as the offensive now stretches to one week.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The vote on the resolution, entitled “Aggression Against Ukraine,” was 141-5 with 35 abstentions.',
      claimant: null,
      figures: [
        { value: 141, qualifier: null },
        { value: 5, qualifier: null },
        { value: 35, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'Wednesday’s resolution condemned Russia’s “aggression” against Ukraine “in the strongest terms” and demanded an immediate and complete withdrawal of all Moscow’s forces.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'U.S. Secretary of State Antony Blinken said it was to hard see a diplomatic path without a military de-escalation.',
      claimant: 'U.S. Secretary of State Antony Blinken',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'So far, Ukraine’s State Emergency Service has said more than 2,000 civilians have died, though it was impossible to verify that claim.',
      claimant: 'Ukraine’s State Emergency Service',
      figures: [{ value: 2000, qualifier: 'more_than' }],
      hedges: ['impossible to verify'],
    },
    {
      sentence:
        'Russia’s Defense Ministry said Wednesday that 498 of its troops were killed in Ukraine and 1,597 others are wounded.',
      claimant: 'Russia’s Defense Ministry',
      figures: [
        { value: 498, qualifier: null },
        { value: 1597, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'This is the first time Russia reported its military casualties since the invasion began.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Also Wednesday, the regional police and intelligence headquarters in the country’s second-largest city, Kharkiv, was struck by Russia, according to the Ukrainian state emergency service.',
      claimant: 'the Ukrainian state emergency service',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Oleg Sinehubov, head of the Kharkiv regional administration, said 21 people had been killed and at least 112 had been wounded over the previous 24 hours.',
      claimant: ['Oleg Sinehubov, head of the Kharkiv regional administration', 'Oleg Sinehubov'],
      figures: [
        { value: 21, qualifier: null },
        { value: 112, qualifier: 'at_least' },
      ],
      hedges: [],
    },
    {
      sentence:
        'The strike blew off the roof of the police building and set the top floor on fire, and pieces of the five-story building were strewn across adjacent streets, according to videos and photos released by the emergency service.',
      claimant: ['videos and photos released by the emergency service', 'the emergency service'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The Ukrainian government’s center for strategic communications released images Wednesday of strikes hitting Kharkiv, with balls of fire lighting up the city skyline over populated areas.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The New York Times reported a vast convoy of Russian tanks and military vehicles continued its slow but steady advance on Ukraine’s capital city, moving to encircle Kyiv ahead of what officials fear could be a brutal and prolonged siege of the city of nearly three million.',
      claimant: 'The New York Times',
      figures: [{ value: 3000000, qualifier: 'approximately' }],
      hedges: [],
    },
    {
      sentence:
        'A powerful rocket strike near Kyiv rail station on Wednesday evening may have cut off central heating supply to parts of the Ukrainian capital amid freezing winter temperatures, said interior ministry adviser Anton Herashchenko in an online post.',
      claimant: 'interior ministry adviser Anton Herashchenko',
      figures: [],
      hedges: ['may have'],
    },
    {
      sentence: 'Preliminary reports suggest there were no casualties.',
      claimant: null,
      figures: [],
      hedges: ['Preliminary reports suggest'],
    },
    {
      sentence:
        'Roughly 874,000 people have fled Ukraine and the U.N. refugee agency warned the number could cross the 1 million mark soon.',
      claimant: 'the U.N. refugee agency',
      figures: [
        { value: 874000, qualifier: 'approximately' },
        { value: 1000000, qualifier: null },
      ],
      hedges: [],
    },
    {
      sentence:
        'In a comment addressed to the Russian people, Blinken said the U.S. knew many of them wanted nothing to do with Putin’s decision to invade Ukraine.',
      claimant: ['U.S. Secretary of State Antony Blinken', 'Blinken'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'U.S. Treasury Secretary Janet Yellen said on Wednesday that the United States and Western allies have immobilized half of the assets of the Russian central bank and will continue to impose “severe consequences” on Putin and the wealthy oligarchs who support him if he escalates his war in Ukraine.',
      claimant: 'U.S. Treasury Secretary Janet Yellen',
      figures: [{ value: 0.5, qualifier: null }],
      hedges: [],
    },
    {
      sentence:
        '“We have made it a priority to go after oligarchs or Russian elites who are key to President Putin’s corrupt power,” Yellen said.',
      claimant: ['U.S. Treasury Secretary Janet Yellen', 'Yellen'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'She added that Treasury, along with the Justice Department and U.S. allies, plans to “uncover, freeze and seize their wealth around the world.”',
      claimant: ['U.S. Treasury Secretary Janet Yellen', 'Yellen'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Airbus and Boeing said they would cut off spare parts and technical support to the country’s airlines, a major blow.',
      claimant: 'Airbus and Boeing',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'The U.S. joined Canada and the EU in banning Russian flights from its airspace in retaliation for the invasion of Ukraine.',
      claimant: null,
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'However, Sweden says four Russian fighter jets violated its airspace over the Baltic Sea on Wednesday.',
      claimant: 'Sweden',
      figures: [{ value: 4, qualifier: null }],
      hedges: [],
    },
    {
      sentence:
        'During the State of the Union address on Tuesday, Biden said the Justice Department was launching a task force to go after the crimes of Russian oligarchs, whom he called “corrupt leaders who have bilked billions of dollars off this violent regime.”',
      claimant: 'Biden',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Attorney General Merrick Garland on Wednesday announced the creation of Task Force KleptoCapture, a team of federal agents and prosecutors responsible for investigating and prosecuting any violations of new and future sanctions.',
      claimant: 'Attorney General Merrick Garland',
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Garland said in a statement announcing the sanctions that the Justice Department “will leave no stone unturned” in investigating and prosecuting “those whose criminal acts enable the Russian government to continue this unjust war.”',
      claimant: ['Attorney General Merrick Garland', 'Garland'],
      figures: [],
      hedges: [],
    },
    {
      sentence:
        'Faced with the threat of financial sanctions, Chelsea owner Roman Abramovich confirmed Wednesday he is trying to sell the Premier League club.',
      claimant: 'Chelsea owner Roman Abramovich',
      figures: [],
      hedges: [],
    },
  ],
};
