import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { RequestActivityService } from '../../common/http/request-activity.service.js';
import { pacedWhileBusy } from './export-pacer.js';

const MB = 1024 * 1024;

// Streams `total` bytes in 64 KB chunks through the pacer, marking the service busy (or
// not) before every chunk, and answers how long it took and what came out.
async function stream(total: number, busy: boolean, bytesPerSecond: number) {
  const activity = new RequestActivityService();
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const chunks = Array.from({ length: total / chunk.length }, () => chunk);
  const source = Readable.from(chunks).on('data', () => busy && activity.seen());
  const started = performance.now();
  let bytes = 0;
  for await (const out of source.pipe(pacedWhileBusy(activity, bytesPerSecond))) {
    bytes += (out as Buffer).length;
  }
  return { seconds: (performance.now() - started) / 1000, bytes };
}

describe(pacedWhileBusy.name, () => {
  it('holds an export to its rate while requests are being served', async () => {
    const { seconds, bytes } = await stream(2 * MB, true, 8 * MB);
    expect(bytes).toBe(2 * MB);
    // 2 MB at 8 MB/s: a quarter of a second, less the first chunk's free start.
    expect(seconds).toBeGreaterThan(0.2);
    expect(seconds).toBeLessThan(1);
  });

  it('lets an export run at full speed when nobody else is using the service', async () => {
    const { seconds, bytes } = await stream(16 * MB, false, 8 * MB);
    expect(bytes).toBe(16 * MB);
    // At the paced rate this would take two seconds.
    expect(seconds).toBeLessThan(0.5);
  });

  it('never slows an export with a rate of 0', async () => {
    const { seconds } = await stream(16 * MB, true, 0);
    expect(seconds).toBeLessThan(0.5);
  });
});

describe(RequestActivityService.name, () => {
  it('counts as busy for a moment after a request, then idle', () => {
    const activity = new RequestActivityService();
    expect(activity.busy(1000)).toBe(false);
    activity.seen(1000);
    expect(activity.busy(1100)).toBe(true);
    expect(activity.busy(1300)).toBe(false);
  });
});
