// Whether a callback's query can be the provider's answer to claimdesk's request: each
// parameter at most once, a code or an error, the issuer the configured one (and present
// when the provider promises to send it, RFC 9207), and no tokens in the URL (claimdesk never asks for the implicit flow). openid-client
// refuses all of these too; checking first lets a damaged or forged link be answered as
// such (400) instead of as the provider's fault.
const SINGLE = ['code', 'state', 'iss', 'error', 'error_description'];
const NEVER = ['id_token', 'token', 'access_token', 'response'];

export interface ProviderPromises {
  issuer: string;
  authorization_response_iss_parameter_supported?: boolean;
}

export function isWellFormedCallback(query: URLSearchParams, provider: ProviderPromises): boolean {
  if (SINGLE.some((name) => query.getAll(name).length > 1)) return false;
  if (NEVER.some((name) => query.has(name))) return false;
  const iss = query.get('iss');
  if (
    iss === null ? provider.authorization_response_iss_parameter_supported : iss !== provider.issuer
  ) {
    return false;
  }
  return !!query.get('code') || !!query.get('error');
}
