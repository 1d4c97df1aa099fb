/**
 * 修改密码 (seed 个人中心): the current password and a new one, typed twice. `POST /api/me/password`.
 * The session stays; the new password is needed at the next login.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api';
import { NewPasswordFields, newPasswordErrors } from '../components/AccountFields';
import { CandidatePage } from '../components/CandidatePage';
import { FormError, TextField, type FieldErrors } from '../components/Form';
import { useTextForm } from '../components/use-text-form';
import { session } from '../session';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };
type Values = typeof EMPTY;
type Key = keyof Values;
const ORDER: Key[] = ['currentPassword', 'newPassword', 'confirmPassword'];

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.currentPassword) errors.currentPassword = '请填写原密码';
  return {
    ...errors,
    ...newPasswordErrors(values, ['newPassword', 'confirmPassword'], '两次输入的新密码不一致', 'currentPassword'),
  };
}

/** The change-password page. */
export function ChangePassword() {
  return <CandidatePage title="修改密码">{() => <ChangePasswordForm />}</CandidatePage>;
}

function ChangePasswordForm() {
  const form = useTextForm(EMPTY, ORDER);
  const { summary, field } = form;
  const [done, setDone] = useState(false);

  const submit = form.submit({
    check,
    send: async (values) => {
      await api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setDone(true);
    },
    // An expired session: CandidatePage goes to the login.
    onRefused: (error) => session.expiredBy(error),
  });

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
        {...field('currentPassword')}
        label="原密码"
        type="password"
        autoComplete="current-password"
        maxLength={64}
      />
      <NewPasswordFields
        password={field('newPassword')}
        confirmation={field('confirmPassword')}
        labels={['新密码', '确认新密码']}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? '正在提交…' : '确认修改'}
        </button>
        <Link className="button" to="/me">
          返回个人中心
        </Link>
      </div>
    </form>
  );
}
