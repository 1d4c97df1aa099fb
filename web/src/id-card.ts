/**
 * The resident ID number (居民身份证号, GB 11643-1999) as the forms read it while a person types: is it
 * complete and valid, and which gender and birth date does it give? Runs the server's own rule module
 * (functions/domain/identity/id-number.ts, pure TypeScript), so the browser and the API cannot disagree;
 * the server checks again and is the authority.
 */
import { ID_NUMBER_MESSAGES, normalizeIdNumber, parseIdNumber } from '../../functions/domain/identity/id-number.js';

export { normalizeIdNumber };

/** What a valid ID number tells. */
export interface IdCardFacts {
  /** The normalised 18-character number. */
  readonly idNumber: string;
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly gender: '男' | '女';
}

/** The result of {@link readIdNumber}. */
export type IdCardResult =
  { readonly ok: true; readonly facts: IdCardFacts } | { readonly ok: false; readonly message: string };

/** Reads an ID number with the server's rules; the message is the server's message. */
export function readIdNumber(input: string): IdCardResult {
  const parsed = parseIdNumber(input);
  if (!parsed.ok) return { ok: false, message: ID_NUMBER_MESSAGES[parsed.problem] };
  const { idNumber, birthDate, gender } = parsed.value;
  return { ok: true, facts: { idNumber, birthDate, gender: gender === 'male' ? '男' : '女' } };
}
