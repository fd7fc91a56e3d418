import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';

// swagger-parser loads an ES module through require(), which Node does but jest's module
// runtime does not: the validation runs in a plain node process.
const VALIDATE = `
const SwaggerParser = require('@apidevtools/swagger-parser');
let text = '';
process.stdin.on('data', (chunk) => (text += chunk));
process.stdin.on('end', () => {
  // validate() checks the document against the OpenAPI schema and dereferences every
  // $ref, failing on the first that points nowhere.
  SwaggerParser.validate(JSON.parse(text)).then(
    () => console.log('valid'),
    (error) => { console.log(String(error.message)); process.exitCode = 1; },
  );
});`;

async function validate(document: string): Promise<{ valid: boolean; output: string }> {
  const run = promisify(execFile)(process.execPath, ['-e', VALIDATE]);
  run.child.stdin!.end(document);
  try {
    const { stdout } = await run;
    return { valid: true, output: stdout.trim() };
  } catch (error) {
    return { valid: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

// The document clients generate code from: it must be valid OpenAPI, with every $ref
// pointing at something that exists.
describe('OpenAPI document', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  it('is a valid OpenAPI document in which every $ref resolves', async () => {
    const response = await fetch(`${app.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = await response.text();
    expect(JSON.parse(document).components.schemas.ProblemView).toBeDefined();
    expect(await validate(document)).toEqual({ valid: true, output: 'valid' });
  });

  it('is told apart from an invalid one by the validator', async () => {
    const broken = { openapi: '3.0.0', info: { title: 't', version: '1' }, paths: {} as object };
    broken.paths = {
      '/x': { get: { responses: { 200: { $ref: '#/components/responses/Missing' } } } },
    };
    expect((await validate(JSON.stringify(broken))).valid).toBe(false);
  });
});
