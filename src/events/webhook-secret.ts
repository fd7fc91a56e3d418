import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Signing secrets must be readable to sign, so they are kept reversibly, encrypted with
// AES-256-GCM under WEBHOOK_SECRET_KEY. Without that variable a random key is made once
// in .claimdesk/webhook-secret.key (beside the embedded database), so a first start needs
// no configuration; replicas on several machines must share WEBHOOK_SECRET_KEY.
export const KEY_FILE = resolve('.claimdesk', 'webhook-secret.key');

export const generateSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

// Standard Webhooks secrets: `whsec_` and base64 of 24 to 64 random bytes.
export function isValidSecret(secret: string): boolean {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret);
  if (!match) return false;
  const bytes = Buffer.from(match[1], 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

export class SecretBox {
  private readonly key: Buffer;
  private readonly keyId: string;

  constructor(keyMaterial: string) {
    this.key = createHash('sha256').update(keyMaterial).digest();
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 8);
  }

  static fromConfig(configured: string | undefined): SecretBox {
    return new SecretBox(configured ?? readOrCreateKeyFile());
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', this.keyId, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64')))
      .join('.');
  }

  open(stored: string): string {
    const [version, keyId, iv, tag, sealed] = stored.split('.');
    if (version !== 'v1' || keyId !== this.keyId) {
      throw new Error('the signing secret was sealed with another WEBHOOK_SECRET_KEY');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([
      decipher.update(Buffer.from(sealed, 'base64')),
      decipher.final(),
    ]).toString('utf8');
  }
}

function readOrCreateKeyFile(): string {
  try {
    return readFileSync(KEY_FILE, 'utf8').trim();
  } catch {
    mkdirSync(dirname(KEY_FILE), { recursive: true, mode: 0o755 });
    try {
      writeFileSync(KEY_FILE, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      // Another process made it a moment ago: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return readFileSync(KEY_FILE, 'utf8').trim();
  }
}
