import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, messageOf, post } from '../api.js';
import type { Page, Source } from '../types.js';
import { useRequest } from '../use-request.js';
import type { Loaded } from './use-claim.js';

export type SourceMode = 'new' | 'existing';
export type NewSource = typeof emptySource;

const emptySource = { url: '', title: '', kind: 'media_report', publisher: '' };

// A 412 leaves the form as it was typed, for sending again after a reload: it says so.
const describeAttachFailure = (failure: unknown) =>
  failure instanceof ApiError && failure.status === 412
    ? `${messageOf(failure)} What you typed is kept.`
    : messageOf(failure);

// The attach form's state: a new source or an existing one (listed when first asked for),
// the stance and a note. Attaching carries If-Match; on a 412 what was typed is kept.
export function useAttachForm(loaded: Loaded, onAttached: () => Promise<void>) {
  const [mode, setMode] = useState<SourceMode>('new');
  const [source, setSource] = useState(emptySource);
  const [sourceId, setSourceId] = useState('');
  const [known, setKnown] = useState<Source[]>([]);
  const [stance, setStance] = useState('supports');
  const [note, setNote] = useState('');
  const { busy, error, setError, send } = useRequest(describeAttachFailure);

  useEffect(() => {
    if (mode !== 'existing' || known.length) return;
    get<Page<Source>>('/sources?limit=100')
      .then((reply) => setKnown(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  }, [mode]);

  const submit = (event: Event) => {
    event.preventDefault();
    const extra = note.trim() ? { note: note.trim() } : {};
    const body =
      mode === 'existing'
        ? { sourceId, stance, ...extra }
        : { source: compact(source), stance, ...extra };
    return send(async () => {
      await post(`/claims/${loaded.claim.id}/sources`, { body, ifMatch: loaded.etag });
      setSource(emptySource);
      setSourceId('');
      setNote('');
      await onAttached();
    });
  };

  return {
    mode,
    setMode,
    source,
    setSource,
    sourceId,
    setSourceId,
    known,
    stance,
    setStance,
    note,
    setNote,
    error,
    busy,
    submit,
  };
}

// Leaves out empty optional fields rather than sending empty strings.
const compact = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ''));
