/**
 * 新增免考课程 (seed §四 3–4): 请选择证书 (the catalog's certificate types, in the seed's order), then
 * 填写证书信息及免考课程 — 考试时间 (year and month), 考试科目, 证书编号, the 免考课程 this certificate
 * can exempt in the chosen majors' plans (courses already claimed by another certificate are shown but
 * cannot be chosen again), and the certificate photo(s) — and 确定 adds the certificate
 * (`addCertificate`). The server checks every claim again; its field messages are shown at the fields.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { api } from '../api';
import type { CertificateType } from '../api-types';
import {
  focusFirstError,
  FormError,
  SelectField,
  splitFieldErrors,
  TextField,
  type FieldErrors,
} from '../components/Form';
import { ApplyPage } from './ApplyPage';
import { CertificatePhotoSlot, type UploadedPhoto } from './CertificatePhotoSlot';
import { MAX_CERTIFICATES } from './CertificatesStep';
import { useApply, useWriteErrors } from './context';
import { beijingToday, EXAM_MONTHS, examYears } from './dates';
import { claimedCodes, courseOptions, practicalWithoutTheory } from './exemptable';
import { CERTIFICATE_PHOTO_GUIDE } from './photo-limits';

/** Form fields in page order (the request body's names), for focusing the first error. */
const ORDER = ['certificateTypeId', 'examTime', 'subject', 'certificateNumber', 'courses', 'photoIds'];

/** The certificate number as the API accepts it (functions/domain/application/api.ts). */
const CERTIFICATE_NUMBER = /^[A-Za-z0-9-]+$/;

/** The add-certificate page. */
export function AddCertificate() {
  const { catalog, state, update, setFlash } = useApply();
  const toApiError = useWriteErrors();
  const navigate = useNavigate();
  const app = state.application!;
  const [typeId, setTypeId] = useState('');
  const [year, setYear] = useState('');
  const [month, setMonth] = useState('');
  const [subject, setSubject] = useState('');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [courses, setCourses] = useState<string[]>([]);
  const [photos, setPhotos] = useState<Array<UploadedPhoto | null>>([]);
  const [uploadingSlot, setUploadingSlot] = useState<number | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<{ message: string; extra: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  // Local previews are object URLs: give their memory back when the page is left.
  const previews = useRef(new Set<string>());
  useEffect(() => {
    const urls = previews.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const today = beijingToday();
  const years = useMemo(() => examYears(), []);
  const type = catalog.certificateTypes.find((t) => t.id === typeId);
  const claimed = useMemo(() => claimedCodes(app), [app]);
  const options = useMemo(
    () => (type && subject ? courseOptions(catalog, app, { certificateTypeId: type.id, subject, date: today }) : []),
    [catalog, app, type, subject, today],
  );
  // Courses that another certificate claimed meanwhile (a change in another tab, reloaded after a
  // conflict) drop out of the selection instead of staying checked behind a disabled box.
  const selected = courses.filter((code) => options.some((o) => o.code === code && !o.claimed));
  const practicalHints = practicalWithoutTheory(options, selected, claimed);
  const courseNames = useMemo(() => new Map(catalog.courses.map((c) => [c.code, c.name])), [catalog]);

  if (app.certificates.length >= MAX_CERTIFICATES) return <Navigate to="/apply/certificates" replace />;

  const clearError = (key: string) => setErrors((e) => ({ ...e, [key]: undefined }));

  const chooseType = (next: CertificateType) => {
    setTypeId(next.id);
    setSubject('');
    setCourses([]);
    setPhotos(Array.from({ length: next.photoCount }, () => null));
    setErrors({});
    setSummary(null);
  };

  const chooseSubject = (value: string) => {
    setSubject(value);
    clearError('subject');
    clearError('courses');
    // Keep only the courses the new subject can still exempt.
    if (type && value) {
      const allowed = new Set(
        courseOptions(catalog, app, { certificateTypeId: type.id, subject: value, date: today }).map((c) => c.code),
      );
      setCourses((current) => current.filter((code) => allowed.has(code)));
    } else setCourses([]);
  };

  const toggleCourse = (code: string, checked: boolean) => {
    clearError('courses');
    setCourses((current) => {
      const next = checked ? [...current, code] : current.filter((c) => c !== code);
      // In the catalog's order, as the checkboxes show them.
      return options.map((o) => o.code).filter((c) => next.includes(c));
    });
  };

  const setPhoto = (index: number, photo: UploadedPhoto) => {
    previews.current.add(photo.previewUrl);
    clearError('photoIds');
    setPhotos((current) => current.map((p, i) => (i === index ? photo : p)));
  };

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!type) {
      found.certificateTypeId = '请选择证书';
      return found;
    }
    if (!year || !month) found.examTime = '请选择考试时间（年月）';
    else if (`${year}-${month}` > today.slice(0, 7)) found.examTime = '考试时间不能晚于当前月份';
    if (!subject) found.subject = '请选择考试科目';
    const number = certificateNumber.trim();
    if (!number) found.certificateNumber = '请填写证书编号';
    else if (!CERTIFICATE_NUMBER.test(number)) found.certificateNumber = '证书编号只能包含字母、数字和“-”';
    if (subject && selected.length === 0) found.courses = '请选择免考课程';
    if (photos.some((p) => !p)) {
      found.photoIds = type.photoCount > 1 ? `请上传全部${type.photoCount}张证书照片` : '请上传证书照片';
    }
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (uploadingSlot !== null) {
      setSummary({ message: '照片正在上传，请等待上传完成后再点击“确定”。', extra: [] });
      return;
    }
    const found = check();
    if (Object.keys(found).length) {
      setErrors(found);
      setSummary({ message: '请按提示填写证书信息。', extra: [] });
      focusFirstError(found, ORDER);
      return;
    }
    setBusy(true);
    setSummary(null);
    try {
      const view = await api.addCertificate({
        certificateTypeId: typeId,
        examTime: `${year}-${month}`,
        subject,
        certificateNumber: certificateNumber.trim(),
        courses: selected,
        photoIds: photos.flatMap((p) => (p ? [p.photoId] : [])),
        version: app.version,
      });
      update(view);
      setFlash({
        kind: 'success',
        text: `已添加证书：${type?.name ?? ''}（免考课程 ${selected.join('、')}）。`,
        path: '/apply/certificates',
      });
      navigate('/apply/certificates');
    } catch (error) {
      setBusy(false);
      const apiError = toApiError(error);
      const { fields, extra } = splitFieldErrors(apiError, ORDER);
      setErrors(fields);
      setSummary({ message: apiError.message, extra });
      focusFirstError(fields, ORDER);
    }
  };

  const majorsText = app.majors.map((m) => `${m.code}${m.name}`).join('、');

  return (
    <ApplyPage title="免考申请证书课程填报" step={2}>
      <p className="note apply-note">注：可使用多个（最多四个）证书申请免考。</p>
      <form className="apply-form" onSubmit={submit} noValidate>
        <FormError message={summary?.message ?? null} extra={summary?.extra} />
        <fieldset className="section apply-fieldset">
          <legend className="apply-legend">请选择证书</legend>
          {errors.certificateTypeId ? (
            <p className="field-error" id="certificateTypeId-error">
              {errors.certificateTypeId}
            </p>
          ) : null}
          <ul className="type-list">
            {catalog.certificateTypes.map((t, index) => (
              <li key={t.id}>
                <label className={`type-option${t.id === typeId ? ' is-checked' : ''}`}>
                  <input
                    type="radio"
                    name="certificateTypeId"
                    value={t.id}
                    id={index === 0 ? 'certificateTypeId' : undefined}
                    checked={t.id === typeId}
                    onChange={() => chooseType(t)}
                    aria-describedby={errors.certificateTypeId ? 'certificateTypeId-error' : undefined}
                  />
                  <span>{t.name}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        {type ? (
          <fieldset className="section apply-fieldset" aria-describedby="cert-type-chosen">
            <legend className="apply-legend">填写证书信息及免考课程</legend>
            <p className="apply-chosen-type" id="cert-type-chosen">
              所选证书：{type.name}
            </p>
            {type.hint ? <p className="field-hint">{type.hint}</p> : null}

            <fieldset className={`apply-subfieldset${errors.examTime ? ' field-invalid' : ''}`}>
              <legend className="field-label">考试时间：</legend>
              <div className="exam-time">
                <label className="exam-time-part">
                  <select
                    className="input select"
                    id="examTime"
                    aria-label="考试时间（年）"
                    value={year}
                    onChange={(e) => {
                      setYear(e.target.value);
                      clearError('examTime');
                    }}
                    aria-invalid={errors.examTime ? true : undefined}
                    aria-describedby={errors.examTime ? 'examTime-error' : undefined}
                  >
                    <option value="">请选择</option>
                    {years.map((y) => (
                      <option key={y} value={y}>
                        {y}
                      </option>
                    ))}
                  </select>
                  <span>年</span>
                </label>
                <label className="exam-time-part">
                  <select
                    className="input select"
                    id="examTime-month"
                    aria-label="考试时间（月）"
                    value={month}
                    onChange={(e) => {
                      setMonth(e.target.value);
                      clearError('examTime');
                    }}
                    aria-invalid={errors.examTime ? true : undefined}
                    aria-describedby={errors.examTime ? 'examTime-error' : undefined}
                  >
                    <option value="">请选择</option>
                    {EXAM_MONTHS.map((m) => (
                      <option key={m} value={m}>
                        {m}
                      </option>
                    ))}
                  </select>
                  <span>月</span>
                </label>
              </div>
              {errors.examTime ? (
                <p className="field-error" id="examTime-error">
                  {errors.examTime}
                </p>
              ) : null}
            </fieldset>

            <SelectField
              id="subject"
              label="考试科目："
              value={subject}
              onChange={chooseSubject}
              options={type.subjects}
              error={errors.subject}
            />

            <TextField
              id="certificateNumber"
              label="证书编号："
              value={certificateNumber}
              onChange={(v) => {
                setCertificateNumber(v);
                clearError('certificateNumber');
              }}
              error={errors.certificateNumber}
              hint="按证书（成绩单）上的编号填写，只含字母、数字和“-”。"
              maxLength={40}
            />

            <fieldset
              className={`apply-subfieldset${errors.courses ? ' field-invalid' : ''}`}
              aria-describedby={errors.courses ? 'courses-error' : undefined}
            >
              <legend className="field-label">免考课程：</legend>
              {!subject ? <p className="apply-muted">请先选择考试科目，再选择免考课程。</p> : null}
              {subject && options.length === 0 ? (
                <p className="apply-empty" id="courses-none">
                  该证书（{subject}）在您选择的专业（{majorsText}
                  ）的考试计划中没有可以免考的课程。请选择其他证书，或返回第一步更换专业。
                </p>
              ) : null}
              {options.length > 0 ? (
                <ul className="course-checks">
                  {options.map((option, index) => (
                    <li key={option.code}>
                      <label className={`course-check${option.claimed ? ' is-disabled' : ''}`}>
                        <input
                          type="checkbox"
                          name="courses"
                          value={option.code}
                          id={index === 0 ? 'courses' : undefined}
                          checked={selected.includes(option.code)}
                          disabled={option.claimed}
                          onChange={(e) => toggleCourse(option.code, e.target.checked)}
                        />
                        <span>
                          {option.code} {option.name}
                          {option.claimed ? <span className="apply-muted">（已用其他证书申请）</span> : null}
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              {options.length > 0 && options.every((o) => o.claimed) ? (
                <p className="apply-empty">该证书可以免考的课程都已用其他证书申请，同一课程不能重复申请。</p>
              ) : null}
              {practicalHints.map((o) => (
                <p key={o.code} className="field-hint">
                  提示：实践课程 {o.code}
                  {o.name} 须与理论课程 {o.theoryCode}
                  {courseNames.get(o.theoryCode ?? '') ?? ''} 一同申请免考。
                </p>
              ))}
              {errors.courses ? (
                <p className="field-error" id="courses-error">
                  {errors.courses}
                </p>
              ) : null}
            </fieldset>

            <fieldset className={`apply-subfieldset${errors.photoIds ? ' field-invalid' : ''}`}>
              <legend className="field-label" id="photoIds" tabIndex={-1}>
                证书照片：
              </legend>
              <p className="field-hint">注：{CERTIFICATE_PHOTO_GUIDE}</p>
              <p className="field-hint">仅支持 JPG、PNG 格式；手机拍摄的大照片会自动压缩到3M以内并校正方向。</p>
              {photos.map((photo, index) => (
                <CertificatePhotoSlot
                  key={`${typeId}-${index}`}
                  id={`photo-${index}`}
                  label={photos.length > 1 ? `证书照片（第${index + 1}张，共${photos.length}张）` : '证书照片'}
                  value={photo}
                  onChange={(p) => setPhoto(index, p)}
                  blocked={uploadingSlot !== null && uploadingSlot !== index}
                  onBusy={(b) => setUploadingSlot(b ? index : null)}
                />
              ))}
              {errors.photoIds ? (
                <p className="field-error" id="photoIds-error">
                  {errors.photoIds}
                </p>
              ) : null}
            </fieldset>
          </fieldset>
        ) : null}

        <div className="apply-actions">
          <button type="submit" className="button button-primary" disabled={busy || !type}>
            {busy ? '正在保存…' : '确定'}
          </button>
          <Link className="button" to="/apply/certificates">
            取消
          </Link>
        </div>
      </form>
    </ApplyPage>
  );
}
