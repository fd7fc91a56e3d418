import { formatDateTime } from '../format.js';
import type { Publication } from './use-publication.js';

// Where the fact-check stands: draft, published (with its corrections) or retracted.
export function PublicationStatusLine({ publication }: { publication: Publication }) {
  const last = publication.versions[publication.versions.length - 1];
  return (
    <div class="publication-status">
      <p>
        <span class={`badge publication-${publication.status}`}>{publication.status}</span>{' '}
        {publication.status === 'draft' ? (
          <span class="muted small">not public yet</span>
        ) : (
          <a href={publication.url} target="_blank" rel="noopener">
            {publication.url}
          </a>
        )}
      </p>
      {last ? (
        <p class="muted small">
          Version {last.number}, {formatDateTime(last.publishedAt)}
        </p>
      ) : null}
      {publication.retraction ? (
        <p class="small">
          Retracted {formatDateTime(publication.retraction.at)}: {publication.retraction.reason}
        </p>
      ) : null}
    </div>
  );
}
