import { Injectable } from '@nestjs/common';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AuditActor } from '../../audit/audit-event.js';
import { AuditAppendService } from '../../audit/audit-append.service.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { isUniqueViolation } from '../../database/postgres-errors.js';
import { invitationUnusable, InvitationsService } from '../invitations/invitations.service.js';
import { SessionClock } from '../sessions/session-clock.js';
import { SignInLimiterService } from '../sign-in/sign-in-limiter.service.js';
import { PasskeyView } from './dto/passkey.view.js';
import { relyingPartyOf } from './relying-party.js';
import { ChallengeRow, WebAuthnChallengesService } from './webauthn-challenges.service.js';

// More than anyone needs (a phone, a laptop, two security keys…), and a bound all the same.
const MAX_PASSKEYS_PER_USER = 20;

interface PasskeyRow {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: Buffer;
  counter: string;
  transports: string[];
  device_type: string;
  backed_up: boolean;
  label: string;
  created_at: Date;
  last_used_at: Date | null;
}

const toView = (row: PasskeyRow): PasskeyView => ({
  id: row.id,
  userId: row.user_id,
  label: row.label,
  deviceType: row.device_type,
  backedUp: row.backed_up,
  createdAt: row.created_at.toISOString(),
  lastUsedAt: row.last_used_at?.toISOString() ?? null,
});

interface Person {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
}

const notVerified = (what: string) =>
  new DomainError('unauthenticated', `The passkey ${what} could not be verified; try again.`);

// Registration of a new passkey: who it is for (an invitation's person, or a signed-in
// person adding one) is fixed when the options are issued and travels with the challenge.
export interface RegistrationFor {
  userId: string;
  invitationId: string | null;
}

@Injectable()
export class PasskeysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly challenges: WebAuthnChallengesService,
    private readonly invitations: InvitationsService,
    private readonly limiter: SignInLimiterService,
    private readonly clock: SessionClock,
    private readonly config: AppConfig,
  ) {}

  async registrationOptions(
    target: RegistrationFor,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const person = await this.person(target.userId);
    if (!person?.active) throw invitationUnusable();
    const existing = await this.rowsOf(target.userId);
    const party = relyingPartyOf(this.config);
    const options = await generateRegistrationOptions({
      rpName: party.name,
      rpID: party.id,
      userName: person.email,
      userDisplayName: person.name,
      userID: new TextEncoder().encode(person.id),
      attestationType: 'none',
      // Discoverable: the person signs in without typing who they are.
      authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
      excludeCredentials: existing.map((row) => ({
        id: row.credential_id,
        transports: row.transports,
      })),
    });
    await this.challenges.store(options.challenge, 'registration', target);
    return options;
  }

  // Verifies a new passkey and stores it. `signedInAs` is the session user for the
  // add-a-passkey path; it must be the person the challenge was issued to.
  async register(
    response: RegistrationResponseJSON,
    label: string | undefined,
    signedInAs: AuditActor | null,
  ): Promise<{ passkey: PasskeyView; target: ChallengeRow }> {
    let target: ChallengeRow | null = null;
    const party = relyingPartyOf(this.config);
    let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
    try {
      verification = await verifyRegistrationResponse({
        response,
        expectedChallenge: async (challenge) => {
          target = await this.challenges.consume(challenge, 'registration');
          return target !== null;
        },
        expectedOrigin: party.origin,
        expectedRPID: party.id,
        requireUserVerification: false,
      });
    } catch {
      throw notVerified('registration');
    }
    const issuedTo = target as ChallengeRow | null;
    if (!verification.verified || !issuedTo?.userId) throw notVerified('registration');
    const userId = issuedTo.userId;
    if (!issuedTo.invitationId && signedInAs?.id !== userId) {
      throw new DomainError('unauthenticated', 'Sign in to add a passkey to your account.');
    }
    const info = verification.registrationInfo;
    const passkey = await this.dataSource.transaction(async (manager) => {
      if (
        issuedTo.invitationId &&
        !(await this.invitations.spendWithin(manager, issuedTo.invitationId))
      ) {
        throw invitationUnusable();
      }
      const [person] = (await manager.query(
        `SELECT id, name, roles, active FROM users WHERE id = $1 FOR SHARE`,
        [userId],
      )) as Person[];
      if (!person?.active) throw invitationUnusable();
      const [{ count }] = (await manager.query(
        `SELECT count(*)::int AS count FROM passkeys WHERE user_id = $1`,
        [userId],
      )) as { count: number }[];
      if (count >= MAX_PASSKEYS_PER_USER) {
        throw new DomainError('conflict', `At most ${MAX_PASSKEYS_PER_USER} passkeys per person.`);
      }
      let rows: PasskeyRow[];
      try {
        rows = (await manager.query(
          `INSERT INTO passkeys
             (user_id, credential_id, public_key, counter, transports, device_type, backed_up,
              label, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING *`,
          [
            userId,
            info.credential.id,
            Buffer.from(info.credential.publicKey),
            info.credential.counter,
            info.credential.transports ?? [],
            info.credentialDeviceType,
            info.credentialBackedUp,
            label ?? (info.credentialBackedUp ? 'Synced passkey' : 'Passkey on this device'),
            this.clock.now(),
          ],
        )) as PasskeyRow[];
      } catch (error) {
        if (isUniqueViolation(error, 'passkeys_credential_id_key')) {
          throw new DomainError('conflict', 'This passkey is already registered.');
        }
        throw error;
      }
      const actor = signedInAs ?? { id: person.id, name: person.name, roles: [...person.roles] };
      await this.audit.append(manager, {
        claimId: null,
        type: 'passkey.registered',
        actor,
        data: {
          passkeyId: rows[0].id,
          userId,
          label: rows[0].label,
          ...(issuedTo.invitationId && { invitationId: issuedTo.invitationId }),
        },
      });
      return toView(rows[0]);
    });
    return { passkey, target: issuedTo };
  }

  async authenticationOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await generateAuthenticationOptions({
      rpID: relyingPartyOf(this.config).id,
      userVerification: 'preferred',
    });
    await this.challenges.store(options.challenge, 'authentication', {
      userId: null,
      invitationId: null,
    });
    return options;
  }

  // The person a passkey assertion proves, after the per-address and per-person limits.
  async authenticate(response: AuthenticationResponseJSON, address: string): Promise<string> {
    this.limiter.attemptFromAddress(address);
    const [row] = (await this.dataSource.query(`SELECT * FROM passkeys WHERE credential_id = $1`, [
      response.id,
    ])) as PasskeyRow[];
    if (!row) {
      throw new DomainError(
        'unauthenticated',
        'This passkey is not registered here: use another one or ask an admin for an invitation.',
      );
    }
    this.limiter.attemptAsUser(row.user_id);
    const party = relyingPartyOf(this.config);
    let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: async (challenge) =>
          (await this.challenges.consume(challenge, 'authentication')) !== null,
        expectedOrigin: party.origin,
        expectedRPID: party.id,
        credential: {
          id: row.credential_id,
          publicKey: new Uint8Array(row.public_key),
          counter: Number(row.counter),
          transports: row.transports,
        },
        requireUserVerification: false,
      });
    } catch {
      throw notVerified('sign-in');
    }
    if (!verification.verified) throw notVerified('sign-in');
    await this.dataSource.query(
      `UPDATE passkeys SET counter = $2, last_used_at = $3 WHERE id = $1`,
      [row.id, verification.authenticationInfo.newCounter, this.clock.now()],
    );
    return row.user_id;
  }

  async list(userId: string): Promise<PasskeyView[]> {
    return (await this.rowsOf(userId)).map(toView);
  }

  async ownerOf(passkeyId: string): Promise<string | null> {
    const [row] = (await this.dataSource.query(`SELECT user_id FROM passkeys WHERE id = $1`, [
      passkeyId,
    ])) as { user_id: string }[];
    return row?.user_id ?? null;
  }

  async remove(actor: AuditActor, passkeyId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM passkeys WHERE id = $1 RETURNING user_id, label`,
        [passkeyId],
      )) as [{ user_id: string; label: string }[], number];
      if (rows.length === 0) throw new DomainError('not-found', `No passkey ${passkeyId}.`);
      await this.audit.append(manager, {
        claimId: null,
        type: 'passkey.removed',
        actor,
        data: { passkeyId, userId: rows[0].user_id, label: rows[0].label },
      });
    });
  }

  async person(userId: string): Promise<Person | null> {
    const [row] = (await this.dataSource.query(
      `SELECT id, name, email, roles, active FROM users WHERE id = $1`,
      [userId],
    )) as Person[];
    return row ?? null;
  }

  private async rowsOf(userId: string): Promise<PasskeyRow[]> {
    return (await this.dataSource.query(
      `SELECT * FROM passkeys WHERE user_id = $1 ORDER BY created_at, id`,
      [userId],
    )) as PasskeyRow[];
  }
}
