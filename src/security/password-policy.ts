/** Shortest and longest passwords accepted; the upper bound keeps hashing cheap for the server. */
export const passwordLength = { min: 10, max: 200 } as const;

// The most used passwords of leaked lists that pass the length rule; NIST SP 800-63B asks
// to refuse known-compromised passwords rather than to impose character classes.
const common = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou12',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  '1qaz2wsx3edc',
  'abcdefghij',
  'abc1234567',
  'administrator',
  'football123',
  'princess123',
  'welcome123',
  'letmein123',
  'sunshine123',
  'starwars12',
  'motdepasse',
  'contraseña',
  'contrasena',
  'passwort123',
  'azertyuiop',
  'clearinghouse',
]);

/** Why a password is refused, as a message key; undefined when it is acceptable. */
export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email' | 'repetitive';

/**
 * Checks a new password: long enough, not a known common one, not the email, not one repeated character.
 * @example passwordProblem('hunter2', 'ana@example.org') // 'too_short'
 */
export function passwordProblem(password: string, email = ''): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < passwordLength.min) return 'too_short';
  if (length > passwordLength.max) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'common';
  if (new Set(lower).size < 4) return 'repetitive';
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) return 'contains_email';
  return undefined;
}
