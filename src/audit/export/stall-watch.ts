import type { Readable } from 'node:stream';

// A stalled reader: the HTTP response stopped taking bytes (its socket is full), so the
// export's stream is paused by back-pressure, and nothing has moved for `timeoutMs`. Such
// an export is destroyed, which ends its response and discards its database connection.
// An export that waits on the database instead is not paused, and is left alone.
export function dropWhenStalled(timeoutMs: number) {
  let lastProgress = performance.now();
  return {
    // Wraps a stage's per-chunk function so that every chunk counts as progress.
    counting(convert: (chunk: Buffer) => Buffer): (chunk: Buffer) => Buffer {
      return (chunk) => {
        lastProgress = performance.now();
        return convert(chunk);
      };
    },
    watch(output: Readable): void {
      const check = setInterval(
        () => {
          const paused = output.readableFlowing === false;
          if (paused && performance.now() - lastProgress >= timeoutMs) {
            output.destroy(new Error(`export reader stalled for ${timeoutMs} ms`));
          }
        },
        Math.min(1000, Math.max(50, timeoutMs / 4)),
      );
      check.unref();
      output.once('close', () => clearInterval(check));
    },
  };
}
