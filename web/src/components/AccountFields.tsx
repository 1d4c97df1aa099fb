/**
 * Inputs the candidate's account forms share: a new password typed twice (注册, 在籍考生认证, 修改密码)
 * with its checks — the password policy (web/src/checks.ts, the server's own rule), then, when
 * changing, that it differs from the current one, then that both entries match — and the contact
 * details (注册, 在籍考生认证).
 */
import { PASSWORD_HINT, passwordProblem } from '../checks';
import { TextField, type FieldErrors } from './Form';

/** What a TextField needs from the form (useTextForm's `field(key)`). */
export interface FieldBinding {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/**
 * The password and its confirmation. Both are `new-password` inputs (password managers offer to
 * generate one); the policy is the hint under the first.
 * @param labels The two inputs' labels, e.g. 设置密码 / 确认密码.
 */
export function NewPasswordFields({
  password,
  confirmation,
  labels,
}: {
  password: FieldBinding;
  confirmation: FieldBinding;
  labels: readonly [password: string, confirmation: string];
}) {
  return (
    <>
      <TextField
        {...password}
        label={labels[0]}
        type="password"
        autoComplete="new-password"
        maxLength={64}
        hint={PASSWORD_HINT}
      />
      <TextField {...confirmation} label={labels[1]} type="password" autoComplete="new-password" maxLength={64} />
    </>
  );
}

/**
 * The new password's problems, keyed by input id; at most one is set.
 * @param keys The ids of the password and its confirmation in `values`.
 * @param mismatch The message when the confirmation differs, e.g. 两次输入的密码不一致.
 * @param current The id of the current password, when changing it (the new one must differ).
 */
export function newPasswordErrors<K extends string>(
  values: Record<K, string>,
  [password, confirmation]: readonly [K, K],
  mismatch: string,
  current?: K,
): FieldErrors {
  const problem = passwordProblem(values[password]);
  if (problem) return { [password]: problem };
  if (current !== undefined && values[password] === values[current]) return { [password]: '新密码不能与原密码相同' };
  if (values[confirmation] !== values[password]) return { [confirmation]: mismatch };
  return {};
}

/** 手机号 and the optional 电子邮箱 (ids `mobile` and `email`, as in the request bodies). */
export function ContactFields({ mobile, email }: { mobile: FieldBinding; email: FieldBinding }) {
  return (
    <>
      <TextField {...mobile} label="手机号" type="tel" inputMode="numeric" autoComplete="tel" maxLength={20} />
      <TextField
        {...email}
        label="电子邮箱"
        type="email"
        inputMode="email"
        autoComplete="email"
        maxLength={100}
        optional
      />
    </>
  );
}

/** The contact details as the request bodies take them: 电子邮箱 only when filled in (trimmed). */
export function contactBody(values: { mobile: string; email: string }): { mobile: string; email?: string } {
  const email = values.email.trim();
  return { mobile: values.mobile, ...(email ? { email } : {}) };
}
