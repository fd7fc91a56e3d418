import { useState } from 'preact/hooks';
import { ApiError, messageOf } from './api.js';

// The request a form or button sends: `busy` while it runs (its button is disabled), the
// failure as the person reads it in `error`, and `stale` when the failure was a 412, so a
// form sent with If-Match can keep what was typed and offer to reload. `describe` says a
// failure better where the form knows more than the API's problem (a passkey the browser
// refused, a token that is not valid).
export function useRequest(describe: (failure: unknown) => string = messageOf) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const send = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      await work();
    } catch (failure) {
      setStale(failure instanceof ApiError && failure.status === 412);
      setError(describe(failure));
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, setError, stale, send };
}
