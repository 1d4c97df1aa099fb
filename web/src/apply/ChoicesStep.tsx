/**
 * Step 1, 免考申请信息填报 (seed §四 1): the candidate's details, *免考确认点, and one or two different
 * majors from the 专科 and 本科 lists (停 marked; the server refuses a 停 major unless the candidate's
 * roster record has it), the seed's 专业选择提示, then 下一步 saves the choices (creating the draft the
 * first time) and goes to step 2.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api';
import type { Major } from '../api-types';
import { focusFirstError, FormError, SelectField, type FieldErrors } from '../components/Form';
import { InfoTable } from './ApplicantInfo';
import { ApplyPage } from './ApplyPage';
import { useApply, useWriteErrors } from './context';

/** At most two majors (seed: 考生可选择两个不同专业的课程进行免考申请). */
const MAX_MAJORS = 2;

/** The seed's two lists, in its order. */
const LEVELS = [
  { level: '专科', title: '专科面向社会开考专业' },
  { level: '本科', title: '本科面向社会开考专业' },
] as const;

/** Step 1. */
export function ChoicesStep() {
  const { me, catalog, state, update } = useApply();
  const toApiError = useWriteErrors();
  const navigate = useNavigate();
  const app = state.application;
  const [pointId, setPointId] = useState(app?.point?.id ?? '');
  const [majors, setMajors] = useState<string[]>(app?.majors.map((m) => m.code) ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message: string; extra: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const applicant = app?.applicant ?? {
    name: me.name,
    idNumber: me.idNumber,
    gender: me.gender,
    ticketNumber: me.ticketNumber,
  };
  const names = new Map(catalog.majors.map((m) => [m.code, `${m.code}${m.name}`]));

  const toggle = (code: string, checked: boolean) => {
    setMajors((current) =>
      checked ? [...current.filter((c) => c !== code), code] : current.filter((c) => c !== code),
    );
    setErrors((e) => ({ ...e, majors: undefined }));
    setSummary(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!pointId) found.pointId = '请选择免考确认点';
    if (majors.length === 0) found.majors = '请至少选择一个专业';
    if (Object.keys(found).length) {
      setErrors(found);
      setSummary({ message: '请选择免考确认点和免考申请专业。', extra: [] });
      focusFirstError(found, ['pointId', 'majors']);
      return;
    }
    const unchanged = app && app.point?.id === pointId && app.majors.map((m) => m.code).join() === majors.join();
    if (unchanged) {
      navigate('/apply/certificates');
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      update(await api.saveApplicationChoices({ pointId, majors, ...(app ? { version: app.version } : {}) }));
      navigate('/apply/certificates');
    } catch (error) {
      setBusy(false);
      const apiError = toApiError(error);
      const fields: FieldErrors = {};
      const majorMessages: string[] = [];
      const extra: string[] = [];
      for (const [key, message] of Object.entries(apiError.fields)) {
        if (key === 'pointId') fields.pointId = message;
        else if (key === 'majors' || key.startsWith('majors.')) majorMessages.push(message);
        else extra.push(message);
      }
      if (majorMessages.length) fields.majors = majorMessages.join('；');
      setErrors(fields);
      setSummary({ message: apiError.message, extra });
      focusFirstError(fields, ['pointId', 'majors']);
    }
  };

  return (
    <ApplyPage title="免考申请信息填报" step={1}>
      <form className="section apply-form" onSubmit={submit} noValidate>
        <FormError message={summary?.message ?? null} extra={summary?.extra} />
        <InfoTable
          label="考生信息"
          rows={[
            ['姓名', applicant.name],
            ['身份证号', applicant.idNumber],
            ['性别', applicant.gender],
            ['准考证号', applicant.ticketNumber],
            ['考区', me.point?.name],
            ['手机号', me.mobile],
          ]}
        />
        <div className="apply-point">
          <SelectField
            id="pointId"
            label="*免考确认点"
            value={pointId}
            onChange={(v) => {
              setPointId(v);
              setErrors((e) => ({ ...e, pointId: undefined }));
            }}
            options={catalog.confirmationPoints.map((p) => ({ value: p.id, label: p.name }))}
            error={errors.pointId}
            hint="提交后如需修改申请，请携带身份证到所选确认点办理。"
          />
        </div>
        {LEVELS.map(({ level, title }) => (
          <MajorGroup
            key={level}
            title={title}
            majors={catalog.majors.filter((m) => m.level === level)}
            chosen={majors}
            onToggle={toggle}
            invalid={!!errors.majors}
          />
        ))}
        <p className="apply-chosen" aria-live="polite">
          已选择 {majors.length}/{MAX_MAJORS} 个专业
          {majors.length ? `：${majors.map((c) => names.get(c) ?? c).join('、')}` : ''}
        </p>
        {errors.majors ? (
          <p className="field-error" id="majors-error" role="alert">
            {errors.majors}
          </p>
        ) : null}
        <div className="apply-tip">
          <p className="apply-tip-title">专业选择提示：</p>
          <p>①考生可选择两个不同专业的课程进行免考申请。</p>
          <p>
            ②<span className="badge badge-stop">停</span>预停考专业限老生申请。
          </p>
        </div>
        <div className="apply-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? '正在保存…' : '下一步'}
          </button>
        </div>
      </form>
    </ApplyPage>
  );
}

/** One of the seed's checkbox grids; when two majors are chosen the others are disabled. */
function MajorGroup({
  title,
  majors,
  chosen,
  onToggle,
  invalid,
}: {
  title: string;
  majors: readonly Major[];
  chosen: readonly string[];
  onToggle: (code: string, checked: boolean) => void;
  invalid: boolean;
}) {
  const full = chosen.length >= MAX_MAJORS;
  return (
    <fieldset className="major-fieldset" aria-describedby={invalid ? 'majors-error' : undefined}>
      <legend>{title}</legend>
      <ul className="major-checks">
        {majors.map((major) => {
          const checked = chosen.includes(major.code);
          return (
            <li key={major.code}>
              <label className={`major-check${checked ? ' is-checked' : ''}${full && !checked ? ' is-disabled' : ''}`}>
                <input
                  type="checkbox"
                  name="majors"
                  value={major.code}
                  // The first grid's first box takes focus when the choice is missing (focusFirstError).
                  id={title.startsWith('专科') && major === majors[0] ? 'majors' : undefined}
                  checked={checked}
                  disabled={full && !checked}
                  onChange={(event) => onToggle(major.code, event.target.checked)}
                />
                <span className="major-check-text">
                  <span className="major-check-name">
                    {major.code}
                    {major.name}
                  </span>
                  {major.discontinued ? (
                    <>
                      {' '}
                      <span className="badge badge-stop" aria-hidden="true">
                        停
                      </span>
                      <span className="visually-hidden">（停：预停考专业，限老生申请）</span>
                    </>
                  ) : null}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
