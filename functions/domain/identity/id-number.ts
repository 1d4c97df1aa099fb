/**
 * Resident ID numbers (居民身份证号码), GB 11643-1999: 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd = male, even = female), 1 check character computed with
 * ISO 7064 MOD 11-2 (`0`–`9` or `X`).
 *
 * Decisions (SPEC §3):
 * - Input is normalised before checking: NFKC (full-width digits and letters → ASCII), every kind of
 *   white space and invisible separator removed, `x` → `X`.
 * - The address code is NOT checked against a list: codes change, and residence permits for Hong Kong,
 *   Macao and Taiwan residents (81/82/83…) and the 2023 foreign permanent residence ID card (9…) use the
 *   same 18-character layout and check character. Any 6 digits are accepted.
 * - 15-digit first-generation numbers are refused with a message asking for the 18-digit number:
 *   first-generation cards stopped being valid in 2013 and the roster holds 18-digit numbers, so
 *   converting silently would only hide mismatches.
 * - Other documents (passports, travel permits) cannot be verified online; such candidates go to a
 *   confirmation point (manual verification, seed §二).
 * - Always a string: 18 digits do not fit a JS number.
 */

/** A normalised, valid 18-character ID number (branded string). */
export type IdNumber = string & { readonly __brand: 'IdNumber' };

/** What an ID number tells about its holder. */
export interface IdNumberFacts {
  readonly idNumber: IdNumber;
  /** Birth date as ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly gender: 'male' | 'female';
}

/** Why a string is not a valid ID number; each comes with a Chinese message for the person. */
export type IdNumberProblem = 'EMPTY' | 'LEGACY_15' | 'LENGTH' | 'CHARACTERS' | 'BIRTH_DATE' | 'CHECK_DIGIT';

/** Chinese messages for {@link IdNumberProblem}. */
export const ID_NUMBER_MESSAGES: Record<IdNumberProblem, string> = {
  EMPTY: '请填写身份证号',
  LEGACY_15: '请填写18位身份证号（15位旧号码已停用，请使用现持身份证上的号码）',
  LENGTH: '身份证号应为18位',
  CHARACTERS: '身份证号前17位应为数字，最后一位为数字或X',
  BIRTH_DATE: '身份证号中的出生日期不正确，请核对',
  CHECK_DIGIT: '身份证号校验位不正确，请逐位核对',
};

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// White space of every kind plus zero-width and BOM characters that pasted text brings along.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff\u00ad-]/gu;

/** Normalises what a person typed: NFKC, separators removed, upper-case X. Does not validate. */
export function normalizeIdNumber(input: string): string {
  return input.normalize('NFKC').replace(INVISIBLE, '').toUpperCase();
}

/** The ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643-1999 §5). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Validates an ID number after normalisation.
 * @param today the date the birth date must not be after (defaults to now)
 * @returns the facts, or the problem found
 */
export function parseIdNumber(
  input: string,
  today: Date = new Date(),
): { ok: true; value: IdNumberFacts } | { ok: false; problem: IdNumberProblem } {
  const s = normalizeIdNumber(input);
  if (s.length === 0) return { ok: false, problem: 'EMPTY' };
  if (/^\d{15}$/.test(s)) return { ok: false, problem: 'LEGACY_15' };
  if (s.length !== 18) return { ok: false, problem: 'LENGTH' };
  if (!/^\d{17}[\dX]$/.test(s)) return { ok: false, problem: 'CHARACTERS' };
  const year = Number(s.slice(6, 10));
  const month = Number(s.slice(10, 12));
  const day = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const realDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!realDate || year < 1900 || date.getTime() > today.getTime()) return { ok: false, problem: 'BIRTH_DATE' };
  if (idCheckCharacter(s) !== s[17]) return { ok: false, problem: 'CHECK_DIGIT' };
  return {
    ok: true,
    value: {
      idNumber: s as IdNumber,
      birthDate: `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`,
      gender: Number(s[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** Masks an ID number for display and logs: first 4 and last 4 kept (`1401**********123X`). */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 8) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 4)}${'*'.repeat(idNumber.length - 8)}${idNumber.slice(-4)}`;
}
