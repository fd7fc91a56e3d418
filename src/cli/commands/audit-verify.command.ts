import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseDigest, VerifyFailure, VerifySummary } from '../../audit/verify/export-verifier.js';
import { verifyExportFile } from '../../audit/verify/verify-export-file.js';
import { CliCommand, UsageError } from '../command.js';

// Offline verification of an audit export (SPEC §6); needs the files only, no database.
export const auditVerifyCommand: CliCommand = {
  name: 'audit:verify',
  usage:
    'audit:verify <export.ndjson|export.json> [--digest d.json] [--public-key k.pem] [--partial]',
  needsDatabase: false,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          digest: { type: 'string' },
          'public-key': { type: 'string' },
          partial: { type: 'boolean', default: false },
        },
      });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length) throw new UsageError('give exactly one export file');
    const { digest: digestFile, 'public-key': keyFile, partial } = parsed.values;
    if (keyFile && !digestFile) throw new UsageError('--public-key checks a --digest');

    const digest = digestFile
      ? parseDigest(JSON.parse(await readFile(digestFile, 'utf8')))
      : undefined;
    const publicKeyPem = keyFile ? await readFile(keyFile, 'utf8') : undefined;
    const { failure, summary } = await verifyExportFile(file, { digest, publicKeyPem, partial });

    printSummary(summary);
    if (failure) {
      console.error(`FAILED: ${describeFailure(failure)}`);
      return 1;
    }
    console.log('OK: every hash and chain link holds' + (digest ? ', and the digest matches' : ''));
    return 0;
  },
};

function printSummary(summary: VerifySummary): void {
  console.log(`events:    ${summary.events}`);
  console.log(`chains:    ${summary.chains}`);
  console.log(`first seq: ${summary.firstSeq ?? '-'}`);
  console.log(`last seq:  ${summary.lastSeq ?? '-'}`);
  if (summary.digest) {
    console.log(
      `digest:    seq ${summary.digest.seq}, ${summary.digest.chains} chains, root ${summary.digest.root}`,
    );
    console.log(`signature: ${summary.digest.signature}`);
  }
}

function describeFailure(failure: VerifyFailure): string {
  const at = [
    failure.seq && `seq ${failure.seq}`,
    failure.id && `id ${failure.id}`,
    failure.line && `line ${failure.line}`,
  ].filter(Boolean);
  return at.length ? `event ${at.join(', ')}: ${failure.reason}` : failure.reason;
}
