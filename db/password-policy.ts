/**
 * What Tickmark accepts as a new password: at least 10 characters, not one of the ~49,000
 * most common passwords (the list zxcvbn-ts ships in @zxcvbn-ts/language-common, from
 * leaked-password corpora), not such a password or the account's own e-mail or name with
 * digits or symbols around it ("Password2024!", "ada@example.com1"). Server side only.
 *
 * @example
 * passwordProblem('iloveyou12', { email: 'ada@example.com', name: 'Ada' }); // 'is a commonly used password…'
 * assertAcceptablePassword(input.password, input); // throws a 400 naming `password`
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from './app-error.js';

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | undefined;
/** Built on first use (a few milliseconds): a server that never creates a user never pays for it. */
const commonPasswords = () => (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** What is left with everything but letters taken off both ends, lower-cased. */
const core = (text: string) => text.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');

/** Why `password` is refused for the account, or null when it is acceptable. */
export function passwordProblem(password: string, account: { email?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const stripped = core(password);
  const list = commonPasswords();
  if (list.has(lower) || (stripped.length >= 4 && list.has(stripped)))
    return 'is a commonly used password (on a list of leaked passwords, give or take digits and symbols): choose another';
  const email = account.email?.trim().toLowerCase() ?? '';
  const own = [email, email.split('@')[0], account.name?.trim().toLowerCase() ?? '']
    .flatMap((text) => [text, text.replace(/\s+/g, '')])
    .filter((text) => text.length >= 3);
  if (own.some((text) => lower === text || stripped === core(text) || lower.replace(/\s+/g, '') === text))
    return 'must not be the e-mail address or name of the account';
  return null;
}

/** Throws a 400 shaped like a request validation error, naming the `password` field. */
export function assertAcceptablePassword(password: string, account: { email?: string; name?: string } = {}, field = 'password'): void {
  const problem = passwordProblem(password, account);
  if (problem) throw new AppError('bad_request', 400, `invalid request: ${field}: ${problem}`, [{ path: field, message: problem }]);
}
