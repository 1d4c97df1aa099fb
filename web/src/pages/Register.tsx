/**
 * 新考生注册 (seed §二, SPEC §2.1): personal information and a password; on success the candidate is
 * signed in and goes on to upload the 三照 (/identity). Gender and birth date are read from the ID
 * number, shown but not typed. `POST /api/candidates` checks everything again.
 */
import { Link, useNavigate } from 'react-router';
import {
  EDUCATION_LEVELS,
  ETHNICITIES,
  HUKOU_TYPES,
  OCCUPATIONS,
  POLITICAL_STATUSES,
} from '../../../functions/domain/identity/profile-options';
import { api } from '../api';
import type { RegisterInput } from '../api-types';
import { mobileProblem } from '../checks';
import { contactBody, ContactFields, NewPasswordFields, newPasswordErrors } from '../components/AccountFields';
import { SelectField, TextField, type FieldErrors } from '../components/Form';
import { ErrorNotice } from '../components/Status';
import { useTextForm } from '../components/use-text-form';
import { readIdNumber } from '../id-card';
import { session } from '../session';
import { useApi } from '../use-api';
import { SignUpPage } from './SignUpPage';
import { NewCandidateCard } from './Start';

const EMPTY = {
  name: '',
  idNumber: '',
  ethnicity: '',
  hukouType: '',
  education: '',
  occupation: '',
  politicalStatus: '',
  mobile: '',
  email: '',
  pointId: '',
  password: '',
  confirmPassword: '',
};
type Values = typeof EMPTY;
type Key = keyof Values;

/** Inputs in page order (focus goes to the first with an error). */
const ORDER: Key[] = [
  'name',
  'idNumber',
  'ethnicity',
  'hukouType',
  'education',
  'occupation',
  'politicalStatus',
  'mobile',
  'email',
  'pointId',
  'password',
  'confirmPassword',
];

const SELECTS: Array<{ key: Key; label: string; options: readonly string[] }> = [
  { key: 'ethnicity', label: '民族', options: ETHNICITIES },
  { key: 'hukouType', label: '户口性质', options: HUKOU_TYPES },
  { key: 'education', label: '文化程度', options: EDUCATION_LEVELS },
  { key: 'occupation', label: '职业', options: OCCUPATIONS },
  { key: 'politicalStatus', label: '政治面貌', options: POLITICAL_STATUSES },
];

function check(values: Values): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = '请填写姓名';
  const id = readIdNumber(values.idNumber);
  if (!id.ok) errors.idNumber = id.message;
  for (const { key, label } of SELECTS) if (!values[key]) errors[key] = `请选择${label}`;
  const mobile = mobileProblem(values.mobile);
  if (mobile) errors.mobile = mobile;
  if (!values.pointId) errors.pointId = '请选择报名考区';
  Object.assign(errors, newPasswordErrors(values, ['password', 'confirmPassword'], '两次输入的密码不一致'));
  return errors;
}

/** The registration page. */
export function Register() {
  const navigate = useNavigate();
  const catalog = useApi(api.getCatalog);
  const form = useTextForm(EMPTY, ORDER);
  const { values, summary, field } = form;
  const id = readIdNumber(values.idNumber);

  const submit = form.submit({
    check,
    send: async (values) => {
      const body: RegisterInput = {
        name: values.name,
        idNumber: values.idNumber,
        ethnicity: values.ethnicity,
        hukouType: values.hukouType,
        education: values.education,
        occupation: values.occupation,
        politicalStatus: values.politicalStatus,
        pointId: values.pointId,
        password: values.password,
        ...contactBody(values),
      };
      session.signedIn(await api.registerCandidate(body));
      navigate('/identity', { replace: true });
    },
  });

  return (
    <SignUpPage
      title="新考生注册"
      lead="第一步：填写个人信息，设置登录密码；第二步：上传“三照”进行身份验证。"
      about={{ summary: '注册须知：什么是“三照”？', content: <NewCandidateCard withButton={false} /> }}
      other={
        <>
          已取得准考证号的在籍考生，请选择<Link to="/activate">“我是在籍考生”完成认证</Link>。
        </>
      }
      onSubmit={submit}
      busy={form.busy}
      summary={summary}
      submitLabel="提交注册，下一步上传照片"
      describedBy="register-required"
      loginPrompt="已注册？"
    >
      <p className="note" id="register-required">
        除注明“选填”外，各项均须填写。
      </p>
      <fieldset className="section fieldset">
        <legend>个人信息</legend>
        <TextField
          {...field('name')}
          label="姓名"
          autoComplete="name"
          maxLength={40}
          hint="与身份证上的姓名一致；少数民族姓名中的间隔点请输入“·”。"
        />
        <TextField
          {...field('idNumber')}
          label="身份证号"
          onBlur={() => {
            if (values.idNumber && !id.ok) form.setErrors((e) => ({ ...e, idNumber: id.message }));
          }}
          autoComplete="off"
          maxLength={24}
          hint="18位居民身份证号码，性别和出生日期按身份证号自动填写。"
        />
        <div className="derived" aria-live="polite">
          {id.ok ? (
            <dl className="derived-list">
              <div>
                <dt>性别</dt>
                <dd>{id.facts.gender}</dd>
              </div>
              <div>
                <dt>出生日期</dt>
                <dd>{id.facts.birthDate}</dd>
              </div>
            </dl>
          ) : null}
        </div>
        {SELECTS.map(({ key, label, options }) => (
          <SelectField key={key} {...field(key)} label={label} options={options} />
        ))}
      </fieldset>
      <fieldset className="section fieldset">
        <legend>联系方式与报名考区</legend>
        <ContactFields mobile={field('mobile')} email={field('email')} />
        {catalog.status === 'error' ? (
          <ErrorNotice title="报名考区加载失败" error={catalog.error} onRetry={catalog.retry} />
        ) : (
          <SelectField
            {...field('pointId')}
            label="报名考区"
            options={
              catalog.status === 'ok'
                ? catalog.data.confirmationPoints.map((p) => ({ value: p.id, label: p.name }))
                : []
            }
            hint="信息有误无法在线认证的，可到所选考区的免考确认点办理。"
          />
        )}
      </fieldset>
      <fieldset className="section fieldset">
        <legend>设置登录密码</legend>
        <NewPasswordFields
          password={field('password')}
          confirmation={field('confirmPassword')}
          labels={['设置密码', '确认密码']}
        />
      </fieldset>
    </SignUpPage>
  );
}
