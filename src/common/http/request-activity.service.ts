import { Injectable, Module } from '@nestjs/common';

// How long after a request arrives the service counts as busy. Long enough to bridge the
// gaps between one editor's clicks, short enough that a lone export is soon at full speed.
const BUSY_WINDOW_MS = 250;

// Whether people are using the service right now. Bulk work (audit exports) asks before
// taking its full share of the machine, so that submissions and decisions keep their
// latency while a million-event export streams (SPEC §9's mixed load).
//
// It keeps a timestamp rather than a count of requests in flight: an aborted request
// can never leave the service marked busy for good.
@Injectable()
export class RequestActivityService {
  private lastRequestAt = -Infinity;

  seen(now = performance.now()): void {
    this.lastRequestAt = now;
  }

  busy(now = performance.now()): boolean {
    return now - this.lastRequestAt < BUSY_WINDOW_MS;
  }
}

// Imported by the modules whose work yields (audit); the HTTP layer marks activity on
// the same instance (create-app.ts).
@Module({ providers: [RequestActivityService], exports: [RequestActivityService] })
export class RequestActivityModule {}
