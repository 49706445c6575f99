import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const SEALED = 'v1';

/**
 * Seals connector secrets at rest with AES-256-GCM when a key is configured. Without a key,
 * values are stored marked as plain (development only) so a key can be introduced later.
 */
export class SecretCipher {
  private readonly key: Buffer | null;

  constructor(secretKey: string | undefined) {
    this.key = secretKey ? createHash('sha256').update(secretKey).digest() : null;
  }

  get encrypting(): boolean {
    return this.key !== null;
  }

  seal(secret: string): string {
    if (!this.key) return `plain:${Buffer.from(secret, 'utf8').toString('base64')}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [SEALED, iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(':');
  }

  open(sealed: string): string {
    if (sealed.startsWith('plain:')) return Buffer.from(sealed.slice(6), 'base64').toString('utf8');
    const [version, iv, tag, body] = sealed.split(':');
    if (version !== SEALED || !iv || !tag || !body) throw new Error('unrecognised sealed secret');
    if (!this.key) throw new Error('a sealed connector secret needs FLOWLENS_SECRET_KEY to be opened');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}
