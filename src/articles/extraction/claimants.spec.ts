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

  describe('attribution patterns', () => {
    it('apposition: the name or the description may come first', () => {
      expect(
        claimants(
          'The head of the port authority, Lena Varga, said two cranes had collapsed.\n' +
            'A local news site, Delta Today, reported that the harbour was closed.\n' +
            'The council’s finance chief, Omar Haddad, said the budget was balanced.',
        ),
      ).toEqual([
        'The head of the port authority, Lena Varga',
        'A local news site, Delta Today',
        'The council’s finance chief, Omar Haddad',
      ]);
    });

    it('possessive organisations and plural possessives', () => {
      expect(
        claimants(
          "Norway's Health Ministry said the clinic would reopen.\n" +
            'Growers’ association chairwoman Ana Ruiz said the harvest was lost.\n' +
            "The dockers' union said members would not cross picket lines.\n" +
            'Their union said the vote was unanimous.',
        ),
      ).toEqual([
        "Norway's Health Ministry",
        'Growers’ association chairwoman Ana Ruiz',
        "The dockers' union",
        'Their union',
      ]);
    });

    it('post-clause attribution governs the clause before it', () => {
      expect(
        claimants(
          'Rebels had seized the airport road, the defence ministry said on Friday.\n' +
            'An inquiry has confirmed the pilot was not at fault, the transport board said.\n' +
            'The river burst its banks overnight, the water agency said, and more rain is due.',
        ),
      ).toEqual(['the defence ministry', 'the transport board', 'the water agency']);
    });

    it('reported speech with "that" and "according to" before or after the clause', () => {
      expect(
        claimants(
          'Senator Paul Grier told reporters on Monday that the bill had stalled.\n' +
            'The bridge was closed to lorries, according to the highways agency.\n' +
            'According to the fire service, the blaze started in a kitchen.',
        ),
      ).toEqual(['Senator Paul Grier', 'the highways agency', 'the fire service']);
    });

    it('carries "he said" and "the company said" to the nearest matching named entity', () => {
      expect(
        claimants(
          'Orbis Freight said its ships would avoid the strait.\n' +
            'Port officials said traffic had slowed.\n' +
            'The company said insurance costs had risen.\n' +
            'Harbour master Tom Reilly said the channel was clear.\n' +
            'He said dredging would finish in spring.',
        ),
      ).toEqual([
        'Orbis Freight',
        'Port officials',
        'Orbis Freight',
        'Harbour master Tom Reilly',
        'Harbour master Tom Reilly',
      ]);
    });

    it('resolves "the agency" to the agency named before, and a generic noun to the nearest named subject', () => {
      expect(
        claimants(
          'The national statistics agency said prices rose in May.\n' +
            'Fuel was the main cause, the agency said.\n' +
            'Velora has cut fares on its northern routes.\n' +
            'The carrier said demand had fallen.',
        ),
      ).toEqual([
        'The national statistics agency',
        'The national statistics agency',
        null,
        'Velora',
      ]);
    });

    it('unconfirmed reports: the claimant is who reported, not who could not confirm', () => {
      expect(
        claimants(
          'Regional broadcaster Radio Tolva reported that a ferry had run aground, but the coastguard could not confirm it.',
        ),
      ).toEqual(['Regional broadcaster Radio Tolva']);
    });

    it('documents as sources and quoted verdicts', () => {
      expect(
        claimants(
          'The mine had failed three safety inspections, court records show.\n' +
            'Health minister Ida Berg called the report “deeply misleading” on Tuesday.',
        ),
      ).toEqual(['court records', 'Health minister Ida Berg']);
    });
  });
});
