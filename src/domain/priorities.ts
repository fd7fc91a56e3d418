// How urgent a claim is (SPEC §3), lowest first: the order the database ranks them in.
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

// The order the desk offers them in: most urgent first.
export const PRIORITIES_MOST_URGENT_FIRST: readonly Priority[] = [...PRIORITIES].reverse();
