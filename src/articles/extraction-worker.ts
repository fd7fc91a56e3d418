import { extractCandidates } from './extraction/extract-candidates.js';

export interface ExtractionTask {
  text: string;
  // BCP 47: English gets the full rules, other languages sentences and figures.
  language: string;
}

// Runs in a worker thread (extraction-pool.ts): the rules take 0.5–1.2 s for a 200,000
// character article, which on the main thread would stall every other request.
export default function extract({ text, language }: ExtractionTask) {
  return extractCandidates(text, language);
}
