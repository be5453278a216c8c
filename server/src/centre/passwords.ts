import { hash, verify } from '@node-rs/argon2';

/**
 * Passwords are hashed with argon2id (the library's default algorithm and parameters: 19 MiB,
 * 2 passes), never by hand. A sign-in for an unknown login still verifies against a hash made once,
 * so the answer takes as long whether the login exists or not.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

let decoy: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    decoy ??= hash('gommette: no such account');
    await verify(await decoy, password);
    return false;
  }
  return verify(passwordHash, password);
}
