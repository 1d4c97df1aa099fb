/**
 * Checks the forms run before sending, so a person sees a mistake at once and on a weak network
 * nothing is sent in vain. They run the server's own rule module (functions/domain/identity/person.ts,
 * pure TypeScript); the server checks everything again and is the authority.
 */
import { checkPassword, normalizeMobile, PASSWORD_MESSAGES } from '../../functions/domain/identity/person.js';

/** Password policy (SPEC §3): 8–64 characters, letters and digits. @returns the problem, or null */
export function passwordProblem(password: string): string | null {
  if (password.length === 0) return '请设置密码';
  const problem = checkPassword(password);
  return problem ? PASSWORD_MESSAGES[problem] : null;
}

/** Shown under every new-password field. */
export const PASSWORD_HINT = '8至64位，须同时包含字母和数字。';

/** A mainland mobile number, as the server normalises it. @returns the problem, or null */
export function mobileProblem(input: string): string | null {
  if (input.trim() === '') return '请填写手机号';
  return normalizeMobile(input) ? null : '请填写11位中国大陆手机号';
}
