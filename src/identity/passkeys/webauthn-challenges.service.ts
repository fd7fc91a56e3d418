import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SessionClock } from '../sessions/session-clock.js';

// Long enough to find and touch a security key; short enough that a stale one is useless.
export const CHALLENGE_VALID_MS = 5 * 60 * 1000;

// What the library issues (base64url); anything else was not issued here.
const CHALLENGE_SHAPE = /^[A-Za-z0-9_-]{16,200}$/;

export type ChallengePurpose = 'registration' | 'authentication';

export interface ChallengeRow {
  userId: string | null;
  invitationId: string | null;
}

// Challenges live server-side until answered or expired; each can be answered once.
@Injectable()
export class WebAuthnChallengesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: SessionClock,
  ) {}

  async store(challenge: string, purpose: ChallengePurpose, row: ChallengeRow): Promise<void> {
    const now = this.clock.now();
    // Unanswered challenges are cleared as new ones arrive, so the table stays small.
    await this.dataSource.query(`DELETE FROM webauthn_challenges WHERE expires_at < $1`, [now]);
    await this.dataSource.query(
      `INSERT INTO webauthn_challenges (challenge, purpose, user_id, invitation_id, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        challenge,
        purpose,
        row.userId,
        row.invitationId,
        new Date(now.getTime() + CHALLENGE_VALID_MS),
      ],
    );
  }

  // Takes the challenge out (so it can never be answered again) if it is live.
  async consume(challenge: string, purpose: ChallengePurpose): Promise<ChallengeRow | null> {
    if (!CHALLENGE_SHAPE.test(challenge)) return null;
    const [rows] = (await this.dataSource.query(
      `DELETE FROM webauthn_challenges
        WHERE challenge = $1 AND purpose = $2 AND expires_at > $3
        RETURNING user_id, invitation_id`,
      [challenge, purpose, this.clock.now()],
    )) as [{ user_id: string | null; invitation_id: string | null }[], number];
    const [row] = rows;
    return row ? { userId: row.user_id, invitationId: row.invitation_id } : null;
  }
}
