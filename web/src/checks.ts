/**
 * Checks the forms run before sending, so a person sees a mistake at once and on a weak network
 * nothing is sent in vain. The server checks everything again with the same rules
 * (functions/domain/identity/person.ts) and is the authority; the messages are its messages.
 */

/** Password policy (SPEC §3): 8–64 characters, letters and digits. @returns the problem, or null */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length === 0) return '请设置密码';
  if (length < 8 || length > 64) return '密码长度应为8至64位';
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) return '密码须同时包含字母和数字';
  return null;
}

/** Shown under every new-password field. */
export const PASSWORD_HINT = '8至64位，须同时包含字母和数字。';

/**
 * A mainland mobile number: 11 digits starting with 1[3-9], after removing what people type around it
 * (spaces, hyphens, full-width digits, a +86 / 0086 prefix). @returns the problem, or null
 */
export function mobileProblem(input: string): string | null {
  let s = input.normalize('NFKC').replace(/[\s\u3000()-]/gu, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  if (s === '') return '请填写手机号';
  return /^1[3-9]\d{9}$/.test(s) ? null : '请填写11位中国大陆手机号';
}
