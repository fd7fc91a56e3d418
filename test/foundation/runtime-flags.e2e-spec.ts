import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

// The Node flags the service runs with (README, "Runtime") are written twice: in
// `npm start` and in the Docker image's command. The benchmark measures npm start's.
describe('runtime flags', () => {
  it('are the same in npm start and in the Docker image', () => {
    const start = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    const command = /^CMD (\[.*\])$/m.exec(readFileSync('Dockerfile', 'utf8'))?.[1];
    expect(command).toBeDefined();
    expect((JSON.parse(command!) as string[]).join(' ')).toBe(start);
    expect(start).toContain('--no-allocation-site-pretenuring');
    expect(start).toContain('--heap-growing-percent=100');
  });
});
