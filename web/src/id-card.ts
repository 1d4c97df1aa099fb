/**
 * The resident ID number (居民身份证号, GB 11643-1999) as the forms read it while a person types: is it
 * complete and valid, and which gender and birth date does it give? Only for showing 性别 / 出生日期
 * and catching typos early — the server (functions/domain/identity/id-number.ts) normalises and
 * checks again and is the authority; the messages here are its messages.
 */

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

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** What people type: full-width digits, spaces, hyphens, zero-width characters, lower-case x. */
export function normalizeIdNumber(input: string): string {
  return input
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad-]/gu, '')
    .toUpperCase();
}

/**
 * Reads an ID number: 18 characters, 17 digits and a digit or X, a real birth date not in the future,
 * and the ISO 7064 MOD 11-2 check character. The 17th digit is odd for men, even for women.
 */
export function readIdNumber(input: string): IdCardResult {
  const id = normalizeIdNumber(input);
  if (id === '') return { ok: false, message: '请填写身份证号' };
  if (/^\d{15}$/.test(id))
    return { ok: false, message: '请填写18位身份证号（15位旧号码已停用，请使用现持身份证上的号码）' };
  if (id.length !== 18) return { ok: false, message: '身份证号应为18位' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, message: '身份证号前17位应为数字，最后一位为数字或X' };
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getTime() <= Date.now();
  if (!real) return { ok: false, message: '身份证号中的出生日期不正确，请核对' };
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK_CHARS[sum % 11] !== id[17]) return { ok: false, message: '身份证号校验位不正确，请逐位核对' };
  return {
    ok: true,
    facts: {
      idNumber: id,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      gender: Number(id[16]) % 2 === 1 ? '男' : '女',
    },
  };
}
