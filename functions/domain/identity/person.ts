/**
 * Rules for names, mobile numbers, ticket numbers and passwords (SPEC §3).
 */

/** Look-alikes of the middle dot (U+00B7) that people type in minority and transliterated names. */
const DOT_LOOKALIKES = /[\u2022\u30fb\uff65\u2027\uff0e\u2219\u22c5\u0387\u2e31\u00b7\u16eb\u2981\u10fb\u318d.]/gu;
const MIDDLE_DOT = '\u00b7';

/** Why a name is refused. */
export type NameProblem = 'EMPTY' | 'LENGTH' | 'DIGITS' | 'CHARACTERS' | 'DOTS';

/** Chinese messages for {@link NameProblem}. */
export const NAME_MESSAGES: Record<NameProblem, string> = {
  EMPTY: '请填写姓名',
  LENGTH: '姓名应为2至30个字',
  DIGITS: '姓名不能包含数字',
  CHARACTERS: '姓名只能包含汉字、字母和间隔点“·”',
  DOTS: '间隔点“·”不能在姓名开头、结尾或连续出现',
};

/**
 * Normalises a name: NFKC (full-width letters, compatibility ideographs and radicals such as ⼀ →
 * their standard forms), trimmed, runs of white space folded to one space, every middle-dot
 * look-alike (• ・ ‧ ． …) turned into U+00B7, spaces around a dot removed.
 */
export function normalizeName(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u3000]+/gu, ' ')
    .trim()
    .replace(DOT_LOOKALIKES, MIDDLE_DOT)
    .replace(/ ?\u00b7 ?/gu, MIDDLE_DOT);
}

/**
 * Validates a normalised name: 2–30 code points; any Han ideograph (every CJK block, including the
 * extensions beyond the BMP), letters of any script with their combining marks, the middle dot
 * between parts, single spaces only between Latin-script letters; no digits.
 */
export function checkName(input: string): { ok: true; value: string } | { ok: false; problem: NameProblem } {
  const name = normalizeName(input);
  if (name.length === 0) return { ok: false, problem: 'EMPTY' };
  if (/\p{Nd}/u.test(name)) return { ok: false, problem: 'DIGITS' };
  if (!/^[\p{Script=Han}\p{L}\p{M}\u00b7 ]+$/u.test(name)) return { ok: false, problem: 'CHARACTERS' };
  if (/ /u.test(name) && !/^[\p{Script=Latin}\p{M}\u00b7 ]+$/u.test(name)) return { ok: false, problem: 'CHARACTERS' };
  if (name.startsWith(MIDDLE_DOT) || name.endsWith(MIDDLE_DOT) || name.includes(MIDDLE_DOT + MIDDLE_DOT)) {
    return { ok: false, problem: 'DOTS' };
  }
  const length = [...name].length;
  if (length < 2 || length > 30) return { ok: false, problem: 'LENGTH' };
  return { ok: true, value: name };
}

/**
 * Normalises and validates a mainland mobile number: NFKC (full-width digits), spaces and hyphens
 * removed, a `+86` / `0086` / `86` prefix dropped, then 11 digits starting with 1[3-9].
 * @returns the 11-digit number, or null when it is not one
 */
export function normalizeMobile(input: string): string | null {
  let s = input.normalize('NFKC').replace(/[\s\u3000()-]/gu, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  return /^1[3-9]\d{9}$/.test(s) ? s : null;
}

/** Masks a mobile number for display (`138****5678`). */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '*'.repeat(mobile.length);
}

/**
 * Normalises and validates an admission ticket number (准考证号): digits only (full-width accepted),
 * matching the configured pattern (default 12 digits, `TICKET_PATTERN`).
 * @returns the normalised number, or null
 */
export function normalizeTicketNumber(input: string, pattern: RegExp): string | null {
  const s = input.normalize('NFKC').replace(/[\s\u3000]/gu, '');
  return /^\d+$/.test(s) && pattern.test(s) ? s : null;
}

/** Why a password is refused. */
export type PasswordProblem = 'LENGTH' | 'LETTERS_AND_DIGITS';

/** Chinese messages for {@link PasswordProblem}. */
export const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  LENGTH: '密码长度应为8至64位',
  LETTERS_AND_DIGITS: '密码须同时包含字母和数字',
};

/** Password policy: 8–64 characters with at least one letter and one digit (SPEC §3). */
export function checkPassword(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < 8 || length > 64) return 'LENGTH';
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return 'LETTERS_AND_DIGITS';
  return null;
}
