// The email address an ID token or user info answer names, and whether the provider
// vouches for it. Only a verified address may match a claimdesk user (SPEC §16): anyone
// can type any address into an account at some providers.
export interface ProviderIdentity {
  email?: string;
  verified: boolean;
}

export function verifiedEmailOf(claims: Record<string, unknown>): ProviderIdentity {
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  return { email: email || undefined, verified: isVerified(claims) };
}

// `email_verified` is a boolean in OpenID Connect; a few providers send the string "true".
// Microsoft Entra sends no email_verified; its optional `xms_edov` claim (the email
// domain's owner is verified) says the same for a work account, and counts only when
// email_verified is absent.
function isVerified(claims: Record<string, unknown>): boolean {
  const verified = claims.email_verified;
  if (verified !== undefined) return verified === true || verified === 'true';
  return claims.xms_edov === true || claims.xms_edov === 'true';
}
