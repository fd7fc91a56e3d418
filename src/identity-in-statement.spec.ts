import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';

// A route marked @ConfirmsIdentityInStatement() may be served on a remembered identity,
// which only the handler's write can confirm: the handler must run that write through
// confirmingIdentity(), or a request whose remembered identity no longer holds meets an
// error nothing answers. No interceptor does it for every route, so this holds each
// controller of the service to it. (Read as text: the controllers' imports include
// CommonJS packages that require Nest's ES modules, which Jest's loader cannot do.)
const SOURCE = import.meta.dirname;
const MARK = '@ConfirmsIdentityInStatement()';
const ROUTE_DECORATOR = /\n {2}@(?:Get|Post|Put|Patch|Delete)\(/;

// Each marked handler: its class and method, and its text up to the next route.
function markedHandlers(): { route: string; text: string }[] {
  const files = readdirSync(SOURCE, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.controller.ts'),
  );
  return files.flatMap((file) => {
    const source = readFileSync(join(SOURCE, file), 'utf8');
    const className = /export class (\w+)/.exec(source)?.[1];
    return source
      .split(MARK)
      .slice(1)
      .map((after) => {
        const end = after.search(ROUTE_DECORATOR);
        const text = end === -1 ? after : after.slice(0, end);
        return { route: `${className}.${/async (\w+)\(/.exec(text)?.[1]}`, text };
      });
  });
}

describe('routes whose statement confirms the caller', () => {
  it('are the submission and the transition, each running its write through confirmingIdentity()', () => {
    const marked = markedHandlers();
    expect(marked.map(({ route }) => route).sort()).toEqual([
      'ClaimsController.submit',
      'ClaimsController.transition',
    ]);
    for (const { text } of marked) expect(text).toContain('confirmingIdentity(request,');
  });
});
