import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { get, post } from './api.js';
import type { Me } from './session.js';

export const passkeysSupported = () => browserSupportsWebAuthn();

// Registers a passkey on this device: for an invited person (their link's token) or for
// the signed-in person adding another. An invited person comes back signed in.
export async function registerPasskey(invitationToken?: string): Promise<void> {
  const options = await post<PublicKeyCredentialCreationOptionsJSON>(
    '/auth/passkeys/registration/options',
    { body: invitationToken ? { invitationToken } : {} },
  );
  const credential = await startRegistration({ optionsJSON: options.body });
  await post('/auth/passkeys/registration/verify', { body: credential });
}

// Signs in with any passkey this device holds for the service; answers who signed in.
export async function signInWithPasskey(): Promise<Me> {
  const options = await post<PublicKeyCredentialRequestOptionsJSON>(
    '/auth/passkeys/authentication/options',
  );
  const assertion = await startAuthentication({ optionsJSON: options.body });
  await post('/auth/passkeys/authentication/verify', { body: assertion });
  return (await get<Me>('/me')).body;
}
