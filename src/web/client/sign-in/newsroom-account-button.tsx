import { useSignInOptions } from './use-sign-in-options.js';

// Single sign-on through the newsroom's identity provider: a plain link, because the
// sign-in is a series of page loads (to the provider and back), not an API call.
export function NewsroomAccountButton() {
  const options = useSignInOptions();
  if (!options?.oidc) return null;
  return (
    <p class="buttons">
      <a class="button" href="/auth/oidc/start">
        Sign in with your newsroom account
      </a>
    </p>
  );
}
