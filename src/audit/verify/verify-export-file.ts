import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  ExportVerifier,
  VerifierOptions,
  VerifyFailure,
  VerifySummary,
} from './export-verifier.js';

export interface VerifyOutcome {
  failure?: VerifyFailure;
  summary: VerifySummary;
}

// Verifies an NDJSON export (streamed line by line) or a JSON array export (read whole).
export async function verifyExportFile(
  path: string,
  options: VerifierOptions = {},
): Promise<VerifyOutcome> {
  const verifier = new ExportVerifier(options);
  const failure = (await isJsonArray(path))
    ? await verifyEvents(verifier, jsonArrayEvents(path))
    : await verifyEvents(verifier, ndjsonEvents(path));
  return { failure: failure ?? verifier.finish(), summary: verifier.summary() };
}

type Entry = { line: number; value: unknown } | { line: number; error: string };

async function verifyEvents(verifier: ExportVerifier, entries: AsyncIterable<Entry>) {
  for await (const entry of entries) {
    if ('error' in entry) return { line: entry.line, reason: entry.error };
    const failure = verifier.add(entry.value, entry.line);
    if (failure) return failure;
  }
  return undefined;
}

async function* ndjsonEvents(path: string): AsyncIterable<Entry> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch {
      yield { line, error: 'not valid JSON' };
      return;
    }
  }
}

// A JSON export is one array; its element index stands in for the line.
async function* jsonArrayEvents(path: string): AsyncIterable<Entry> {
  let events: unknown;
  try {
    events = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    yield { line: 1, error: 'the file is not valid JSON' };
    return;
  }
  if (!Array.isArray(events)) {
    yield { line: 1, error: 'the JSON export is not an array of events' };
    return;
  }
  for (let index = 0; index < events.length; index++) {
    yield { line: index + 1, value: events[index] };
  }
}

async function isJsonArray(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').trimStart().startsWith('[');
  } finally {
    await file.close();
  }
}
