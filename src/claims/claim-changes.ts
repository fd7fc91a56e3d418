import { ClaimSummaryView } from './dto/claim.view.js';

type ClaimField = keyof ClaimSummaryView;

// The before/after an audit event records: the changed fields, plus the version and
// updatedAt that the change produced, so ?asOf= can replay a claim from its events.
export function changeOf(
  before: ClaimSummaryView,
  after: ClaimSummaryView,
  fields: ClaimField[],
): { before: Partial<ClaimSummaryView>; after: Partial<ClaimSummaryView> } {
  const keys: ClaimField[] = [...fields, 'version', 'updatedAt'];
  return { before: pick(before, keys), after: pick(after, keys) };
}

export function changedFields<T extends object>(current: T, requested: Partial<T>): (keyof T)[] {
  return (Object.keys(requested) as (keyof T)[]).filter(
    (key) =>
      requested[key] !== undefined &&
      JSON.stringify(requested[key]) !== JSON.stringify(current[key]),
  );
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Pick<T, K>;
}
