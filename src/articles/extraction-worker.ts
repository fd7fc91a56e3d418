import { extractCandidates } from './extraction/extract-candidates.js';

// Runs in a worker thread (extraction-pool.ts): the rules take 0.5–1.2 s for a 200,000
// character article, which on the main thread would stall every other request.
export default function extract(text: string) {
  return extractCandidates(text);
}
