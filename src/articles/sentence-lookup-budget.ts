import { DomainError } from '../common/problem/domain-error.js';

// Candidate sentences whose duplicates one process looks up at once, over every article
// being ingested or read. A lookup is one trigram search per distinct sentence, on a
// request-pool connection: at 100,000 claims 1.5–2.6 ms a sentence of prose, more for
// sentences much like stored claims (docs/extraction.md, "What a lookup costs, and its
// bound"). The largest article (200,000 characters) holds some 5,600 sentences, 8–14 s
// of a connection and of a PostgreSQL core, and it is looked up again at every read.
// This leaves room for one such article and ordinary ones (tens of sentences) beside it.
export const SENTENCES_LOOKED_UP_AT_ONCE = 6_000;
const RETRY_AFTER_SECONDS = '5';

// A new lookup that would take the process past the budget is refused at once (503 with
// Retry-After) rather than queued, so readers of long articles never hold more than about
// the budget's worth of connections and database time, and never wait behind each other
// without end. A lookup is always admitted when none is running, however long its
// article: a limit must not refuse what the service would otherwise never serve.
export class SentenceLookupBudget {
  private sentencesInFlight = 0;

  constructor(private readonly capacity = SENTENCES_LOOKED_UP_AT_ONCE) {}

  // Runs `lookup` with `sentences` taken from the budget, and gives them back after.
  async during<T>(sentences: number, lookup: () => Promise<T>): Promise<T> {
    const giveBack = this.take(sentences);
    try {
      return await lookup();
    } finally {
      giveBack();
    }
  }

  // Takes `sentences` from the budget; the returned function gives them back (once).
  take(sentences: number): () => void {
    if (this.sentencesInFlight > 0 && this.sentencesInFlight + sentences > this.capacity) {
      throw new DomainError(
        'lookups-busy',
        `Other articles are being checked for duplicates right now (${this.sentencesInFlight} ` +
          `sentences); this one has ${sentences}, more than fit beside them (${this.capacity} ` +
          `at once). Try again in a few seconds.`,
        { headers: { 'retry-after': RETRY_AFTER_SECONDS } },
      );
    }
    this.sentencesInFlight += sentences;
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.sentencesInFlight -= sentences;
    };
  }
}
