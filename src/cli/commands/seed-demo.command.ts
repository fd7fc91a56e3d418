import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OPERATOR_ACTOR } from '../../auth/actor.js';
import type { AuthUser, Role } from '../../auth/role.js';
import { UsersService } from '../../auth/users.service.js';
import { ClaimWorkflowService } from '../../claims/claim-workflow.service.js';
import { ClaimsService } from '../../claims/claims.service.js';
import type { ClaimView } from '../../claims/dto/claim.view.js';
import { CommentsService } from '../../comments/comments.service.js';
import { EvidenceService } from '../../sources/evidence.service.js';
import { CliCommand } from '../command.js';

const DEMO_DOMAIN = 'demo.claimdesk.local';

const PEOPLE: { key: string; name: string; roles: Role[] }[] = [
  { key: 'olena', name: 'Olena Kovalenko', roles: ['reporter'] },
  { key: 'max', name: 'Max Weber', roles: ['editor'] },
  { key: 'amara', name: 'Amara Okafor', roles: ['editor'] },
  { key: 'ruth', name: 'Ruth Adeyemi', roles: ['auditor'] },
];

// A small newsroom to click through: four people and claims from a wire report on the war
// in Ukraine, in every state of the workflow, each with its history on the record.
export const seedDemoCommand: CliCommand = {
  name: 'seed:demo',
  usage: 'seed:demo',
  needsDatabase: true,
  async run(_args, context) {
    const ctx = context!;
    const [{ exists }] = (await ctx
      .get(DataSource)
      .query(`SELECT EXISTS (SELECT 1 FROM users WHERE email LIKE $1) AS exists`, [
        `%@${DEMO_DOMAIN}`,
      ])) as { exists: boolean }[];
    if (exists) {
      console.error('demo data is already there (users @' + DEMO_DOMAIN + ')');
      return 1;
    }

    const people: Record<string, AuthUser> = {};
    for (const person of PEOPLE) {
      const created = await ctx.get(UsersService).create(OPERATOR_ACTOR, {
        name: person.name,
        email: `${person.key}@${DEMO_DOMAIN}`,
        roles: person.roles,
      });
      people[person.key] = { ...created.user, tokenId: created.tokenId };
      console.log(
        `${person.name.padEnd(16)} ${person.roles.join(', ').padEnd(9)} ${created.token}`,
      );
    }
    const claims = await seedClaims(ctx, people);
    console.log(`seeded ${claims} claims`);
    return 0;
  },
};

async function seedClaims(ctx: INestApplicationContext, people: Record<string, AuthUser>) {
  const submit = (text: string, claimant: string, extra: Record<string, unknown> = {}) =>
    ctx
      .get(DataSource)
      .transaction((manager) =>
        ctx.get(ClaimsService).submit(manager, people.olena, { text, claimant, ...extra }),
      );
  const move = (claim: ClaimView, by: AuthUser, to: string, rationale?: string) =>
    ctx.get(ClaimWorkflowService).transition(
      by,
      claim.id,
      { any: false, versions: [claim.version] },
      {
        to: to as never,
        rationale,
      },
    );
  const attach = (
    claim: ClaimView,
    by: AuthUser,
    stance: string,
    source: Record<string, unknown>,
  ) =>
    ctx.get(EvidenceService).attach(by, claim.id, undefined, {
      stance: stance as never,
      source: source as never,
    });

  const deaths = await submit(
    'More than 2,000 civilians have died in Ukraine since the invasion began.',
    "Ukraine's State Emergency Service",
    { tags: ['ukraine', 'casualties'], priority: 'urgent', claimedAt: '2022-03-02' },
  );
  let review = await move(deaths, people.max, 'in_review');
  await move(review, people.max, 'unverifiable', 'No independent access to casualty records.');

  const vote = await submit(
    'The UN General Assembly voted 141-5 with 35 abstentions to demand that Russia withdraw from Ukraine.',
    'UN General Assembly',
    { tags: ['un-vote'], priority: 'high' },
  );
  review = await move(vote, people.amara, 'in_review');
  review = await attach(review, people.amara, 'supports', {
    kind: 'document',
    title: 'General Assembly resolution ES-11/1',
    publisher: 'United Nations',
    url: 'https://www.un.org/en/ga/sessions/emergency.shtml',
  });
  await move(review, people.amara, 'verified', 'Matches the UN record of the vote.');

  const troops = await submit(
    '498 Russian troops have been killed in Ukraine and 1,597 wounded.',
    "Russia's Defense Ministry",
    { tags: ['ukraine', 'casualties'] },
  );
  review = await move(troops, people.max, 'in_review');
  review = await attach(review, people.max, 'contradicts', {
    kind: 'official_statement',
    title: 'Ukrainian General Staff casualty estimate',
    publisher: 'Armed Forces of Ukraine',
    url: 'https://www.zsu.gov.ua/en/news',
  });
  await move(
    review,
    people.max,
    'disputed',
    'Ukrainian estimates are far higher; neither is independently confirmed.',
  );

  const mariupol = await submit(
    'Russian attacks on Mariupol have been relentless.',
    'Mariupol Mayor Vadym Boychenko',
    { tags: ['mariupol'] },
  );
  await move(mariupol, people.amara, 'in_review');
  await ctx.get(CommentsService).add(people.max, mariupol.id, {
    body: 'Asked the city council for shelling records.',
  });

  await submit('Russian forces have taken control of Kherson.', 'Russian military officials', {
    tags: ['kherson'],
    priority: 'urgent',
  });
  return 5;
}
