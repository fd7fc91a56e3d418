import { describe, expect, it } from '@jest/globals';
import { verifiedEmailOf } from './verified-email.js';

describe('verifiedEmailOf', () => {
  it('takes the address and email_verified as OpenID Connect defines them', () => {
    expect(verifiedEmailOf({ email: ' ana@newsroom.test ', email_verified: true })).toEqual({
      email: 'ana@newsroom.test',
      verified: true,
    });
    expect(verifiedEmailOf({ email: 'ana@newsroom.test', email_verified: false }).verified).toBe(
      false,
    );
  });

  it('treats a missing email_verified as not verified', () => {
    expect(verifiedEmailOf({ email: 'ana@newsroom.test' }).verified).toBe(false);
  });

  it('accepts the string "true" some providers send, and nothing else that looks truthy', () => {
    expect(verifiedEmailOf({ email: 'a@b.test', email_verified: 'true' }).verified).toBe(true);
    for (const value of ['yes', 1, 'True ', {}]) {
      expect(verifiedEmailOf({ email: 'a@b.test', email_verified: value }).verified).toBe(false);
    }
  });

  it("counts Entra's xms_edov only when email_verified is absent", () => {
    expect(verifiedEmailOf({ email: 'a@b.test', xms_edov: true }).verified).toBe(true);
    expect(
      verifiedEmailOf({ email: 'a@b.test', email_verified: false, xms_edov: true }).verified,
    ).toBe(false);
  });

  it('reports no address when the claim is missing, empty or not a string', () => {
    for (const email of [undefined, '', '   ', 42]) {
      expect(verifiedEmailOf({ email, email_verified: true }).email).toBeUndefined();
    }
  });
});
