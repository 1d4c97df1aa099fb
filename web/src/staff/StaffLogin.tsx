/**
 * 工作人员登录 (/staff): username and password. A locked account gets the server's message, which says
 * until when. Someone already signed in as staff (this browser signed in before and the server agrees)
 * goes straight on to the queue.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api';
import { Page } from '../components/Page';
import { Loading } from '../components/Status';
import { staffApi } from './staff-api';
import { isSignedOut, maybeSignedIn, rememberStaff, type StaffLoginState } from './staff-session';

/** Only in-app staff paths are followed after login (never another site). */
function safeTarget(from: string | undefined): string {
  return from && from.startsWith('/staff/') ? from : '/staff/applications';
}

/** The staff login page. */
export function StaffLogin() {
  const location = useLocation();
  const navigate = useNavigate();
  const target = safeTarget((location.state as StaffLoginState | null)?.from);
  const [checking, setChecking] = useState(maybeSignedIn);
  const [signedIn, setSignedIn] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<{ username?: string; password?: string }>({});

  useEffect(() => {
    if (!maybeSignedIn()) return;
    const controller = new AbortController();
    staffApi.me(controller.signal).then(
      (staff) => {
        rememberStaff(staff);
        setSignedIn(true);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        // Signed out (401), or only a candidate is signed in (403): the form. Any other failure: the form
        // too — the login call will say what is wrong.
        if (isSignedOut(e)) rememberStaff(null);
        setChecking(false);
      },
    );
    return () => controller.abort();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      ...(username.trim() ? {} : { username: '请填写用户名' }),
      ...(password ? {} : { password: '请填写密码' }),
    };
    setFields(missing);
    if (Object.keys(missing).length) {
      setError('请填写用户名和密码。');
      document.getElementById(missing.username ? 'staff-username' : 'staff-password')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const staff = await staffApi.login({ username: username.trim(), password });
      rememberStaff(staff);
      navigate(target, { replace: true });
    } catch (e) {
      setBusy(false);
      setPassword('');
      setError(isApiError(e) ? e.message : '登录失败，请稍后再试。');
      document.getElementById('staff-password')?.focus();
    }
  };

  if (signedIn) return <Navigate to={target} replace />;

  return (
    <Page title="工作人员登录" lead="免考确认点工作人员和省级管理员使用用户名和密码登录。">
      {checking ? (
        <Loading label="正在检查登录状态…" />
      ) : (
        <form className="form form-narrow staff-login" onSubmit={submit} noValidate>
          {error ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">{error}</p>
            </div>
          ) : null}
          <div className={fields.username ? 'field field-invalid' : 'field'}>
            <label className="field-label" htmlFor="staff-username">
              用户名
            </label>
            <input
              className="input"
              id="staff-username"
              name="username"
              autoComplete="username"
              autoCapitalize="off"
              autoCorrect="off"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={fields.username ? true : undefined}
              required
            />
          </div>
          <div className={fields.password ? 'field field-invalid' : 'field'}>
            <label className="field-label" htmlFor="staff-password">
              密码
            </label>
            <input
              className="input"
              id="staff-password"
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fields.password ? true : undefined}
              required
            />
          </div>
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? '正在登录…' : '登录'}
          </button>
          <p className="note">忘记密码或账户被停用，请联系省级管理员。</p>
        </form>
      )}
    </Page>
  );
}
