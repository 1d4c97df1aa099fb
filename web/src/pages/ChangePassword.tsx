/**
 * 修改密码 (seed 个人中心): the current password and a new one, typed twice. `POST /api/me/password`.
 * The session stays; the new password is needed at the next login.
 */
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, isApiError } from '../api';
import { PASSWORD_HINT, passwordProblem } from '../checks';
import { CandidatePage } from '../components/CandidatePage';
import { focusFirstError, FormError, splitFieldErrors, TextField, type FieldErrors } from '../components/Form';
import { session } from '../session';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
type Values = typeof EMPTY;
type Key = keyof Values;
const ORDER: Key[] = ['currentPassword', 'newPassword', 'confirmPassword'];

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.currentPassword) errors.currentPassword = '请填写原密码';
  const problem = passwordProblem(values.newPassword);
  if (problem) errors.newPassword = problem;
  else if (values.newPassword === values.currentPassword) errors.newPassword = '新密码不能与原密码相同';
  else if (values.confirmPassword !== values.newPassword) errors.confirmPassword = '两次输入的新密码不一致';
  return errors;
}

/** The change-password page. */
export function ChangePassword() {
  return <CandidatePage title="修改密码">{() => <ChangePasswordForm />}</CandidatePage>;
}

function ChangePasswordForm() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message: string; extra: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const set = (key: Key) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check(values);
    if (Object.values(found).some(Boolean)) {
      setErrors(found);
      setSummary({ message: '填写的信息有误，请按提示修改后再提交。', extra: [] });
      focusFirstError(found, ORDER);
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      await api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setDone(true);
    } catch (error) {
      if (!isApiError(error)) throw error;
      if (session.expiredBy(error)) return;
      const { fields, extra } = splitFieldErrors(error, ORDER);
      setErrors(fields);
      setSummary({ message: error.message, extra });
      focusFirstError(fields, ORDER);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <>
        <div className="notice notice-success" role="status">
          <p className="notice-title">密码修改成功</p>
          <p>下次登录请使用新密码。</p>
        </div>
        <p>
          <Link className="button" to="/me">
            返回个人中心
          </Link>
        </p>
      </>
    );
  }

  return (
    <form className="form section narrow" onSubmit={submit} noValidate>
      <FormError message={summary?.message ?? null} extra={summary?.extra} />
      <TextField
        id="currentPassword"
        label="原密码"
        type="password"
        autoComplete="current-password"
        maxLength={64}
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errors.currentPassword}
      />
      <TextField
        id="newPassword"
        label="新密码"
        type="password"
        autoComplete="new-password"
        maxLength={64}
        value={values.newPassword}
        onChange={set('newPassword')}
        error={errors.newPassword}
        hint={PASSWORD_HINT}
      />
      <TextField
        id="confirmPassword"
        label="确认新密码"
        type="password"
        autoComplete="new-password"
        maxLength={64}
        value={values.confirmPassword}
        onChange={set('confirmPassword')}
        error={errors.confirmPassword}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? '正在提交…' : '确认修改'}
        </button>
        <Link className="button" to="/me">
          返回个人中心
        </Link>
      </div>
    </form>
  );
}
