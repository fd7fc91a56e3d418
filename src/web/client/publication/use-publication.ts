import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, get, messageOf, newKey } from '../api.js';
import type { ClaimantType, PublicationStatus } from '../../../domain/publication.js';
import { useRequest } from '../use-request.js';

// The publication as GET /claims/:id/publication answers it (SPEC §12).
export interface Publication {
  status: PublicationStatus;
  slug: string;
  url: string;
  draft: DraftFields & { claimReviewed: string; claimantType: ClaimantType | null };
  versions: { number: number; kind: string; publishedAt: string; correction: string | null }[];
  retraction: { at: string; reason: string } | null;
}

export interface DraftFields {
  headline: string;
  summary: string;
  claimReviewed: string;
  claimantType: ClaimantType | '';
  citedSourceIds: string[];
  slug: string;
}

const EMPTY: DraftFields = {
  headline: '',
  summary: '',
  claimReviewed: '',
  claimantType: '',
  citedSourceIds: [],
  slug: '',
};

// Loads a claim's publication and offers its actions; every write carries If-Match with the
// publication's ETag, and publishing an Idempotency-Key per attempt.
// `onRecorded` runs after a publication, correction or retraction: each is an event on
// the claim's chain, which the history then shows.
export function usePublication(claimId: string, claimText: string, onRecorded: () => void) {
  const [publication, setPublication] = useState<Publication | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [fields, setFields] = useState<DraftFields>({ ...EMPTY, claimReviewed: claimText });
  const [preview, setPreview] = useState<string | null>(null);
  const { busy, error, setError, send: run } = useRequest();
  const path = `/claims/${claimId}/publication`;

  const adopt = (body: Publication, tag: string | null) => {
    setPublication(body);
    setEtag(tag);
    const { draft } = body;
    setFields({ ...draft, claimantType: draft.claimantType ?? '', slug: body.slug });
  };

  useEffect(() => {
    get<Publication>(path)
      .then((reply) => adopt(reply.body, reply.etag))
      .catch((failure) => {
        if (!(failure instanceof ApiError && failure.status === 404)) setError(messageOf(failure));
      });
  }, [claimId]);

  const save = async () => {
    const { claimantType, slug, ...rest } = fields;
    const body = { ...rest, ...(claimantType && { claimantType }), ...(slug && { slug }) };
    const reply = await call<Publication>('PUT', path, { body, ifMatch: etag });
    adopt(reply.body, reply.etag);
    return reply.etag;
  };

  return {
    publication,
    fields,
    setFields,
    preview,
    error,
    busy,
    saveDraft: () => run(async () => void (await save())),
    showPreview: () =>
      run(async () => {
        await save();
        setPreview((await call<string>('GET', `${path}/preview`)).body);
      }),
    publish: (correction?: string) =>
      run(async () => {
        const ifMatch = await save();
        const body = correction ? { correction } : {};
        const reply = await call<Publication>('POST', `${path}/publish`, {
          body,
          ifMatch,
          idempotencyKey: newKey(),
        });
        adopt(reply.body, reply.etag);
        setPreview(null);
        onRecorded();
      }),
    retract: (reason: string) =>
      run(async () => {
        const reply = await call<Publication>('DELETE', path, { body: { reason }, ifMatch: etag });
        adopt(reply.body, reply.etag);
        onRecorded();
      }),
  };
}
