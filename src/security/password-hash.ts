import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Argon2id with OWASP's baseline (19 MiB, 2 passes, 1 lane): ~20 ms here, costly for a GPU farm.
// The enum is a const enum in the typings, which isolated modules cannot import as a value.
const options = { algorithm: 2 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Hashes a password with Argon2id; the result carries its salt and parameters (PHC string).
 * @example const stored = await hashPassword('correct horse battery staple'); // '$argon2id$v=19$…'
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/**
 * Checks a password against a stored hash; false (never a throw) for a malformed hash.
 * @example if (await verifyPassword(user.password_hash, given)) { … }
 */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when no account matches, so a sign-in for an unknown email
// takes as long as one for a known email and response times do not reveal who has an account.
let decoy: Promise<string> | undefined;

/** Spends the time of one verification without an account. */
export async function verifyDecoy(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that matches nothing');
  await verifyPassword(await decoy, password);
}
