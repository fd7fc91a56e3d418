import { describe, expect, it } from '@jest/globals';
import { resolveClaimants } from './claimants.js';
import { analyseSentences } from './sentences.js';

const claimants = (text: string): Array<string | null> =>
  resolveClaimants(analyseSentences(text)).map((c) => c?.text ?? null);

describe('resolveClaimants', () => {
  it('reads "X said", "X told Y" and "X said in a statement"', () => {
    expect(
      claimants(
        "Britain's Defense Ministry said Mariupol was encircled.\n" +
          "President Volodymyr Zelenskyy's office told The Associated Press that it could not comment.\n" +
          'Garland said in a statement that the department will act.',
      ),
    ).toEqual(["Britain's Defense Ministry", "President Volodymyr Zelenskyy's office", 'Garland']);
  });

  it('reads inverted attribution and "according to"', () => {
    expect(
      claimants(
        'The strike may have cut heating, said interior ministry adviser Anton Herashchenko in an online post.\n' +
          'The headquarters was struck, according to the Ukrainian state emergency service.',
      ),
    ).toEqual([
      'interior ministry adviser Anton Herashchenko',
      'the Ukrainian state emergency service',
    ]);
  });

  it('takes the source from "quoted by X as saying"', () => {
    expect(
      claimants(
        'Mariupol Mayor Vadym Boychenko said the attacks were relentless.\n' +
          '“We cannot even take the wounded,” he was quoted by the Interfax news agency as saying.',
      ),
    ).toEqual(['Mariupol Mayor Vadym Boychenko', 'the Interfax news agency']);
  });

  it('resolves "he said" and a continuing quote to the nearest named speaker', () => {
    expect(
      claimants(
        'But the mayor of Kherson, Igor Kolykhaev, said soldiers were in the city.\n' +
          'He said he asked them not to shoot civilians.\n' +
          '“We don’t have any forces in the city.”',
      ),
    ).toEqual([
      'the mayor of Kherson, Igor Kolykhaev',
      'the mayor of Kherson, Igor Kolykhaev',
      'the mayor of Kherson, Igor Kolykhaev',
    ]);
  });

  it('expands a surname to the fuller name used earlier', () => {
    expect(
      claimants(
        'U.S. Treasury Secretary Janet Yellen said the assets were frozen.\n' +
          '“We have made it a priority,” Yellen said.',
      ),
    ).toEqual(['U.S. Treasury Secretary Janet Yellen', 'U.S. Treasury Secretary Janet Yellen']);
  });

  it('leaves unattributed sentences without a claimant', () => {
    expect(claimants('The vote on the resolution was 141-5 with 35 abstentions.')).toEqual([null]);
  });
});
