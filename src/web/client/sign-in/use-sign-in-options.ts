import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';

export interface SignInOptions {
  // The newsroom's identity provider is set up (OIDC_*).
  oidc: boolean;
}

// What the sign-in page may offer; null until the service has answered (and when it cannot
// be reached, so nothing is offered that might not work).
export function useSignInOptions(): SignInOptions | null {
  const [options, setOptions] = useState<SignInOptions | null>(null);
  useEffect(() => {
    get<SignInOptions>('/auth/sign-in-options')
      .then((reply) => setOptions(reply.body))
      .catch(() => setOptions(null));
  }, []);
  return options;
}
