/**
 * 在籍考生认证 (seed §二, SPEC §2.1): an enrolled candidate (准考证号 already issued, no password)
 * is found on the roster by ID number and name, sets a password and a mobile number, is signed in and
 * goes on to upload the 两照 (/identity). `POST /api/candidates/activation`.
 */
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, isApiError } from '../api';
import type { ActivateInput } from '../api-types';
import { mobileProblem, PASSWORD_HINT, passwordProblem } from '../checks';
import { focusFirstError, FormError, splitFieldErrors, TextField, type FieldErrors } from '../components/Form';
import { Page } from '../components/Page';
import { readIdNumber } from '../id-card';
import { session } from '../session';
import { EnrolledCandidateCard } from './Start';

const EMPTY = { idNumber: '', name: '', password: '', confirmPassword: '', mobile: '', email: '' };
type Values = typeof EMPTY;
type Key = keyof Values;
const ORDER: Key[] = ['idNumber', 'name', 'password', 'confirmPassword', 'mobile', 'email'];

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  const id = readIdNumber(values.idNumber);
  if (!id.ok) errors.idNumber = id.message;
  if (!values.name.trim()) errors.name = '请填写姓名';
  const password = passwordProblem(values.password);
  if (password) errors.password = password;
  else if (values.confirmPassword !== values.password) errors.confirmPassword = '两次输入的密码不一致';
  const mobile = mobileProblem(values.mobile);
  if (mobile) errors.mobile = mobile;
  return errors;
}

/** The activation page. */
export function Activate() {
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message: string; extra: string[]; code?: string } | null>(null);
  const [busy, setBusy] = useState(false);

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
    const body: ActivateInput = {
      idNumber: values.idNumber,
      name: values.name,
      password: values.password,
      mobile: values.mobile,
      ...(values.email.trim() ? { email: values.email.trim() } : {}),
    };
    try {
      const me = await api.activateCandidate(body);
      session.signedIn(me);
      navigate('/identity', { replace: true });
    } catch (error) {
      setBusy(false);
      if (!isApiError(error)) throw error;
      const { fields, extra } = splitFieldErrors(error, ORDER);
      setErrors(fields);
      setSummary({ message: error.message, extra, code: error.code });
      focusFirstError(fields, ORDER);
    }
  };

  return (
    <Page title="在籍考生认证" lead="第一步：通过身份证号、姓名认证并设置登录密码；第二步：上传“两照”进行身份验证。">
      <div className="narrow">
        <details className="section details">
          <summary>认证须知：什么是“两照”？</summary>
          <EnrolledCandidateCard withButton={false} />
        </details>
        <p className="note">
          首次参加自学考试的新考生，请选择<Link to="/register">“我是新考生”注册</Link>。
        </p>
        <form className="form" onSubmit={submit} noValidate>
          <FormError message={summary?.message ?? null} extra={summary?.extra} />
          {summary?.code === 'ALREADY_EXISTS' ? (
            <p>
              <Link className="button" to="/login">
                去登录
              </Link>
            </p>
          ) : null}
          <fieldset className="section fieldset">
            <legend>身份信息</legend>
            <TextField
              id="idNumber"
              label="身份证号"
              value={values.idNumber}
              onChange={set('idNumber')}
              error={errors.idNumber}
              autoComplete="off"
              maxLength={24}
              hint="与报考时登记的身份证号一致。"
            />
            <TextField
              id="name"
              label="姓名"
              value={values.name}
              onChange={set('name')}
              error={errors.name}
              autoComplete="name"
              maxLength={40}
            />
          </fieldset>
          <fieldset className="section fieldset">
            <legend>设置登录密码</legend>
            <TextField
              id="password"
              label="设置密码"
              type="password"
              autoComplete="new-password"
              maxLength={64}
              value={values.password}
              onChange={set('password')}
              error={errors.password}
              hint={PASSWORD_HINT}
            />
            <TextField
              id="confirmPassword"
              label="确认密码"
              type="password"
              autoComplete="new-password"
              maxLength={64}
              value={values.confirmPassword}
              onChange={set('confirmPassword')}
              error={errors.confirmPassword}
            />
          </fieldset>
          <fieldset className="section fieldset">
            <legend>联系方式</legend>
            <TextField
              id="mobile"
              label="手机号"
              type="tel"
              inputMode="numeric"
              autoComplete="tel"
              maxLength={20}
              value={values.mobile}
              onChange={set('mobile')}
              error={errors.mobile}
            />
            <TextField
              id="email"
              label="电子邮箱"
              type="email"
              inputMode="email"
              autoComplete="email"
              maxLength={100}
              optional
              value={values.email}
              onChange={set('email')}
              error={errors.email}
            />
          </fieldset>
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? '正在提交…' : '完成认证，下一步上传照片'}
          </button>
        </form>
        <p className="form-links">
          已设置密码？<Link to="/login">考生登录</Link>
        </p>
      </div>
    </Page>
  );
}
