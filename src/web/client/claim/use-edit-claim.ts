import { useState } from 'preact/hooks';
import { call } from '../api.js';
import { languageProblem } from '../language.js';
import type { Claim, Priority } from '../types.js';
import { useRequest } from '../use-request.js';
import type { Loaded } from './use-claim.js';

export interface EditForm {
  text: string;
  claimant: string;
  claimantId: string | null;
  tags: string;
  priority: Priority;
  language: string;
}

const formOf = (claim: Claim): EditForm => ({
  text: claim.text,
  claimant: claim.claimant ?? '',
  claimantId: claim.claimantId ?? null,
  tags: claim.tags.join(', '),
  priority: claim.priority,
  language: claim.language,
});

// Editing a claim with If-Match: on 412 the form keeps what the editor typed and says
// someone else changed the claim; reloading then shows their version.
export function useEditClaim(loaded: Loaded, onSaved: () => Promise<void>) {
  const [form, setForm] = useState<EditForm | null>(null);
  const { busy, error, setError, stale, send } = useRequest();

  const open = () => {
    setForm(formOf(loaded.claim));
    setError(null);
  };
  const close = () => setForm(null);
  const set = (field: keyof EditForm, value: string | null) =>
    setForm((current) => current && { ...current, [field]: value });

  const save = () => {
    if (!form) return;
    const problem = languageProblem(form.language);
    if (problem) return setError(problem);
    return send(async () => {
      const tags = form.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean);
      const body = {
        text: form.text.trim(),
        claimant: form.claimant.trim() || null,
        claimantId: form.claimantId,
        tags,
        priority: form.priority,
        // Left empty, the claim keeps its language.
        ...(form.language.trim() ? { language: form.language.trim() } : {}),
      };
      await call<Claim>('PATCH', `/claims/${loaded.claim.id}`, { body, ifMatch: loaded.etag });
      setForm(null);
      await onSaved();
    });
  };
  return { form, open, close, set, save, error, stale, busy };
}
