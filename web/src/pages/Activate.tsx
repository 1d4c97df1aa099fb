/**
 * 在籍考生认证 (seed §二, SPEC §2.1): an enrolled candidate (准考证号 already issued, no password)
 * is found on the roster by ID number and name, sets a password and a mobile number, is signed in and
 * goes on to upload the 两照 (/identity). `POST /api/candidates/activation`.
 */
import { Link, useNavigate } from 'react-router';
import { api } from '../api';
import type { ActivateInput } from '../api-types';
import { mobileProblem } from '../checks';
import { contactBody, ContactFields, NewPasswordFields, newPasswordErrors } from '../components/AccountFields';
import { TextField, type FieldErrors } from '../components/Form';
import { useTextForm } from '../components/use-text-form';
import { readIdNumber } from '../id-card';
import { session } from '../session';
import { SignUpPage } from './SignUpPage';
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
  Object.assign(errors, newPasswordErrors(values, ['password', 'confirmPassword'], '两次输入的密码不一致'));
  const mobile = mobileProblem(values.mobile);
  if (mobile) errors.mobile = mobile;
  return errors;
}

/** The activation page. */
export function Activate() {
  const navigate = useNavigate();
  const form = useTextForm(EMPTY, ORDER);
  const { summary, field } = form;

  const submit = form.submit({
    check,
    send: async (values) => {
      const body: ActivateInput = {
        idNumber: values.idNumber,
        name: values.name,
        password: values.password,
        ...contactBody(values),
      };
      session.signedIn(await api.activateCandidate(body));
      navigate('/identity', { replace: true });
    },
  });

  return (
    <SignUpPage
      title="在籍考生认证"
      lead="第一步：通过身份证号、姓名认证并设置登录密码；第二步：上传“两照”进行身份验证。"
      about={{ summary: '认证须知：什么是“两照”？', content: <EnrolledCandidateCard withButton={false} /> }}
      other={
        <>
          首次参加自学考试的新考生，请选择<Link to="/register">“我是新考生”注册</Link>。
        </>
      }
      onSubmit={submit}
      busy={form.busy}
      summary={summary}
      submitLabel="完成认证，下一步上传照片"
      loginPrompt="已设置密码？"
    >
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
          {...field('idNumber')}
          label="身份证号"
          autoComplete="off"
          maxLength={24}
          hint="与报考时登记的身份证号一致。"
        />
        <TextField {...field('name')} label="姓名" autoComplete="name" maxLength={40} />
      </fieldset>
      <fieldset className="section fieldset">
        <legend>设置登录密码</legend>
        <NewPasswordFields
          password={field('password')}
          confirmation={field('confirmPassword')}
          labels={['设置密码', '确认密码']}
        />
      </fieldset>
      <fieldset className="section fieldset">
        <legend>联系方式</legend>
        <ContactFields mobile={field('mobile')} email={field('email')} />
      </fieldset>
    </SignUpPage>
  );
}
