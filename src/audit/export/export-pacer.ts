import { Transform } from 'node:stream';
import type { RequestActivityService } from '../../common/http/request-activity.service.js';

// A burst allowance: a pause shorter than this is not worth a timer.
const MIN_WAIT_MS = 2;
// Credit left over from a slow reader is forgotten after this long, so a stalled client
// cannot save up a burst.
const MAX_CREDIT_MS = 100;

// Passes an export's bytes on at full speed while the service is otherwise idle, and at
// most `bytesPerSecond` while other requests are being served. Holding a chunk back holds
// back the stream it comes from: with COPY, PostgreSQL stops encoding rows until the
// chunk moves, so the export's database CPU yields too, not only this process's.
//
// `convert` rewrites each chunk on the way (CSV's line ends), so that an export needs no
// stream stage of its own for it: every stage costs a hand-off per chunk.
export function pacedWhileBusy(
  activity: RequestActivityService,
  bytesPerSecond: number,
  convert: (chunk: Buffer) => Buffer = (chunk) => chunk,
): Transform {
  let windowStart = 0;
  let windowBytes = 0;
  return new Transform({
    transform(input: Buffer, _encoding, done) {
      const chunk = convert(input);
      if (bytesPerSecond <= 0 || !activity.busy()) {
        windowStart = 0;
        done(null, chunk);
        return;
      }
      const now = performance.now();
      if (windowStart === 0 || now - dueAt(windowStart, windowBytes) > MAX_CREDIT_MS) {
        windowStart = now;
        windowBytes = 0;
      }
      windowBytes += chunk.length;
      const wait = dueAt(windowStart, windowBytes) - now;
      if (wait < MIN_WAIT_MS) done(null, chunk);
      else setTimeout(() => done(null, chunk), wait);
    },
  });

  function dueAt(start: number, bytes: number): number {
    return start + (bytes / bytesPerSecond) * 1000;
  }
}
