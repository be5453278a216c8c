import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** AES-256-GCM: 32-byte key, 12-byte nonce, 16-byte tag. */
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const SEALED_PREFIX = 'v1.';
export const SEALING_KEY_FILE = 'sealing.key';

/**
 * Secrets the server must give back later (a centre's console link), stored encrypted: the SQLite
 * file alone (a backup, a stolen laptop's disk image without the key file) opens nothing.
 */
export interface Sealer {
  seal(secret: string): string;
  /** The secret; a value stored before sealing existed is returned as it is. Null when it does not open. */
  open(stored: string): string | null;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new Error(`a sealing key has ${KEY_BYTES} bytes`);
  return {
    seal(secret) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
      return `${SEALED_PREFIX}${nonce.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${sealed.toString('base64url')}`;
    },
    open(stored) {
      if (!stored.startsWith(SEALED_PREFIX)) return stored;
      const [nonce, tag, sealed] = stored.slice(SEALED_PREFIX.length).split('.');
      if (!nonce || !tag || sealed === undefined) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

/**
 * The key: `SEALING_KEY` (base64url, 32 bytes; the same on every node of a cluster), else
 * DATA_DIR/sealing.key, created on first use, readable by the server's user only.
 */
export function loadSealingKey(dataDir: string, fromEnv: string | null): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, 'base64url');
  const file = path.join(dataDir, SEALING_KEY_FILE);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  try {
    fs.writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    // Another process of the same data folder wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64url');
    throw error;
  }
}

/**
 * Something made from the sealing key once per data folder and key, on first use (the sealer, the
 * vote keys): the same on every node of a cluster that shares SEALING_KEY.
 */
export function perSealingKey<T>(make: (key: Buffer) => T): (config: { dataDir: string; sealingKey: string | null }) => T {
  const made = new Map<string, T>();
  return (config) => {
    const cacheKey = `${config.dataDir}\u0000${config.sealingKey ?? ''}`;
    let value = made.get(cacheKey);
    if (value === undefined) {
      value = make(loadSealingKey(config.dataDir, config.sealingKey));
      made.set(cacheKey, value);
    }
    return value;
  };
}

/** One sealer per data folder and key, made on first use. */
export const sealerFor = perSealingKey(createSealer);
