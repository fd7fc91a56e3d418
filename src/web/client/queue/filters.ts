export const WAITING = 'submitted,in_review';

export interface Filters {
  status: string;
  priority: string;
  tag: string;
  q: string;
  // BCP 47; '' for any language
  language: string;
  // Assigned to me (editors).
  mine: boolean;
  // Claims I submitted: what a reporter follows.
  submittedByMe: boolean;
}

const DEFAULT_FILTERS: Filters = {
  status: WAITING,
  priority: '',
  tag: '',
  q: '',
  language: '',
  mine: false,
  submittedByMe: false,
};

// The queue's filters live in its address (#/queue?tag=floods&by=me), so Back from a claim,
// a reload or a bookmark brings the same list back. Defaults are left out.
const BOOLEAN_PARAMETERS = { mine: 'mine', submittedByMe: 'by' } as const;
const TEXT_PARAMETERS = ['status', 'priority', 'language', 'tag', 'q'] as const;

export function filtersFromHash(hash: string): Filters {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const filters = { ...DEFAULT_FILTERS };
  for (const name of TEXT_PARAMETERS) {
    const value = params.get(name);
    if (value !== null) filters[name] = value;
  }
  filters.mine = params.get(BOOLEAN_PARAMETERS.mine) === '1';
  filters.submittedByMe = params.get(BOOLEAN_PARAMETERS.submittedByMe) === 'me';
  return filters;
}

export function hashOf(filters: Filters): string {
  const params = new URLSearchParams();
  for (const name of TEXT_PARAMETERS) {
    if (filters[name] !== DEFAULT_FILTERS[name]) params.set(name, filters[name]);
  }
  if (filters.mine) params.set(BOOLEAN_PARAMETERS.mine, '1');
  if (filters.submittedByMe) params.set(BOOLEAN_PARAMETERS.submittedByMe, 'me');
  const query = params.toString();
  return query ? `#/queue?${query}` : '#/queue';
}
