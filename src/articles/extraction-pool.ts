import { availableParallelism } from 'node:os';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Piscina } from 'piscina';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/problem/domain-error.js';
import type { Candidate } from './extraction/candidate.js';
import type { ExtractionTask } from './extraction-worker.js';

// Ingests waiting for a free thread beyond this are refused (503), not queued without end.
const MAX_WAITING = 16;
const RETRY_AFTER_SECONDS = '5';

// Claim extraction off the event loop: a small pool of worker threads (one fewer than the
// cores, at least one) with a time limit per article. A task past EXTRACTION_TIMEOUT_MS,
// waiting included, is aborted (its thread is replaced) and the ingest answered 503.
@Injectable()
export class ExtractionPool implements OnModuleDestroy {
  private readonly logger = new Logger(ExtractionPool.name);
  private readonly pool = new Piscina<ExtractionTask, Candidate[]>({
    // The worker as tsc compiled it, from this module's place: dist/articles/, or dist/bundle/
    // once bundled into the server (scripts/build-server.mjs), both one folder below dist/.
    filename: new URL('../articles/extraction-worker.js', import.meta.url).href,
    // No thread until the first article, so a start (or a replica that never ingests) does
    // not pay for loading the language model; a thread then stays warm for a while.
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    maxQueue: MAX_WAITING,
    idleTimeout: 5 * 60_000,
  });

  constructor(private readonly config: AppConfig) {}

  async extract(text: string, language: string): Promise<Candidate[]> {
    const started = performance.now();
    let candidates: Candidate[];
    try {
      candidates = await this.pool.run({ text, language } satisfies ExtractionTask, {
        signal: AbortSignal.timeout(this.config.extractionTimeoutMs),
      });
    } catch (error) {
      throw this.refusal(error);
    }
    // One line per extraction: operators see its cost, and tests see that it ran.
    this.logger.log(
      {
        chars: text.length,
        language,
        candidates: candidates.length,
        ms: Math.round(performance.now() - started),
      },
      'extracted candidates',
    );
    return candidates;
  }

  private refusal(error: unknown): DomainError {
    const name = (error as { name?: string } | null)?.name;
    const message = (error as { message?: string } | null)?.message ?? '';
    if (name === 'AbortError' || name === 'TimeoutError') {
      return new DomainError(
        'extraction-unavailable',
        `Extracting claims from this article took longer than ${this.config.extractionTimeoutMs} ms; nothing was stored. Try again later or send a shorter text.`,
        { headers: { 'retry-after': RETRY_AFTER_SECONDS } },
      );
    }
    if (/queue is at limit/i.test(message)) {
      return new DomainError(
        'extraction-unavailable',
        'Too many articles are being processed right now; nothing was stored. Try again shortly.',
        { headers: { 'retry-after': RETRY_AFTER_SECONDS } },
      );
    }
    // A thread that crashed or could not start: the service's fault, not the article's.
    this.logger.error({ err: error }, 'claim extraction failed');
    return new DomainError(
      'extraction-unavailable',
      'Claim extraction failed on our side; nothing was stored. Try again shortly.',
      { headers: { 'retry-after': RETRY_AFTER_SECONDS } },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
