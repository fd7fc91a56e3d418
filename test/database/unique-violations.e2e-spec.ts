import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { isUniqueViolation } from '../../src/database/postgres-errors.js';
import { withDatabase } from '../support/database.js';

// The services answer one named race ("this email is taken", "the chain moved on: try
// again"); a unique violation of any other constraint must not be answered as that race.
describe('isUniqueViolation', () => {
  const duplicateEmail = () =>
    withDatabase(async (db) => {
      await db.query('BEGIN');
      try {
        const email = `twice-${Date.now()}@example.org`;
        const insert = `INSERT INTO users (name, email, roles) VALUES ('Twice', $1, '{reporter}')`;
        await db.query(insert, [email]);
        await db.query(insert, [email.toUpperCase()]);
        throw new Error('the second insert was not refused');
      } catch (error) {
        return error;
      } finally {
        await db.query('ROLLBACK');
      }
    });

  it('names the constraint PostgreSQL refused, from the driver or TypeORM', async () => {
    const driverError = await duplicateEmail();
    const wrapped = new QueryFailedError('INSERT …', [], driverError as Error);
    for (const error of [driverError, wrapped]) {
      expect(isUniqueViolation(error, 'users_email_key')).toBe(true);
      expect(isUniqueViolation(error, 'audit_events_chain_link_key')).toBe(false);
    }
  });

  it('is false for anything that is not a unique violation', () => {
    expect(isUniqueViolation(new Error('boom'), 'users_email_key')).toBe(false);
    expect(isUniqueViolation(undefined, 'users_email_key')).toBe(false);
    expect(
      isUniqueViolation({ code: '23503', constraint: 'users_email_key' }, 'users_email_key'),
    ).toBe(false);
  });
});
