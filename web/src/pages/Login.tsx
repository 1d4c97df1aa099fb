/**
 * 考生登录 (seed §二, SPEC §2.1): 身份证号或准考证号 + 密码. A candidate whose identity is verified goes
 * to 个人中心 (or back to the page that asked for a login); one not yet verified goes to 身份认证,
 * the only service open to them. Wrong credentials and the lockout (with its until-when) are shown as
 * the server words them.
 */
import { Link, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import type { LoginRedirectState } from '../components/CandidatePage';
import { FormError, TextField, type FieldErrors } from '../components/Form';
import { Page } from '../components/Page';
import { useTextForm } from '../components/use-text-form';
import { session } from '../session';

const EMPTY = { account: '', password: '' };
const ORDER = ['account', 'password'] as const;

/** The login page. */
export function Login() {
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as LoginRedirectState | null)?.from;
  const form = useTextForm(EMPTY, ORDER);
  const { summary, field } = form;

  const submit = form.submit({
    check: ({ account, password }) => {
      const found: FieldErrors = {};
      if (!account.trim()) found.account = '请填写身份证号或准考证号';
      if (!password) found.password = '请填写密码';
      return found;
    },
    invalidMessage: '请填写账号和密码。',
    send: async ({ account, password }) => {
      const me = await api.login({ account: account.trim(), password });
      session.signedIn(me);
      if (me.identity.status === 'verified') {
        navigate(from && from !== '/login' ? from : '/me', { replace: true });
      } else {
        navigate('/identity', { replace: true });
      }
    },
    // A refused password is typed again from scratch.
    onRefused: () => form.setValues((v) => ({ ...v, password: '' })),
  });

  return (
    <Page title="考生登录" lead="请使用身份证号或准考证号和密码登录。">
      <div className="narrow">
        <form className="form section" onSubmit={submit} noValidate>
          <FormError message={summary?.message ?? null} extra={summary?.extra} />
          <TextField {...field('account')} label="身份证号或准考证号" autoComplete="username" maxLength={40} />
          <TextField
            {...field('password')}
            label="密码"
            type="password"
            autoComplete="current-password"
            maxLength={64}
          />
          <button type="submit" className="button button-primary button-block" disabled={form.busy}>
            {form.busy ? '正在登录…' : '登录'}
          </button>
        </form>
        <section className="section" aria-labelledby="login-help">
          <h2 id="login-help">还没有登录密码？</h2>
          <p>未获得登录密码的考生（首次参加自学考试的新考生，或已有准考证号但未设置密码的在籍考生），请先注册。</p>
          <p>
            <Link to="/start" className="button button-block">
              考生注册
            </Link>
          </p>
          <p className="note">忘记密码的，请携带身份证到免考确认点办理。</p>
        </section>
      </div>
    </Page>
  );
}
