/**
 * Step 3, 山西省高等教育自学考试免考申请信息确认页 (seed §四 6): everything the candidate entered —
 * details, 免考确认点, majors, the certificates table with 查看照片 — then 上一步, 提交 and 返回首页.
 * 提交 is disabled while the request is on its way (the server answers a repeated submit with the
 * same result anyway), and what is still missing is listed instead of a failing button.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../api';
import { InfoTable } from './ApplicantInfo';
import { ApplyPage } from './ApplyPage';
import { CertificateTable } from './CertificateTable';
import { useApply, useWriteErrors } from './context';

/** Step 3. */
export function ConfirmStep() {
  const { state, update, setFlash } = useApply();
  const toApiError = useWriteErrors();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const app = state.application!;
  const missing = app.missing;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await api.submitApplication(app.version);
      setFlash({
        kind: 'success',
        text: `免考申请已提交，申请编号 ${view.applicationNumber ?? ''}。可点击“打印”保存本页；审核结果请在“免考审核结果查询”中查看。`,
        path: '/apply/detail',
      });
      update(view);
      navigate('/apply/detail');
    } catch (e) {
      setBusy(false);
      setError(toApiError(e));
    }
  };

  const serverMissing = error && Array.isArray(error.details.missing) ? (error.details.missing as unknown[]) : [];

  return (
    <ApplyPage title="山西省高等教育自学考试免考申请信息确认页" step={3}>
      <section className="section" aria-labelledby="confirm-person">
        <h2 id="confirm-person" className="apply-h2">
          考生信息
        </h2>
        <InfoTable
          label="考生信息"
          rows={[
            ['姓名', app.applicant.name],
            ['身份证号', app.applicant.idNumber],
            ['性别', app.applicant.gender],
            ['准考证号', app.applicant.ticketNumber],
            ['免考确认点', app.point?.name],
            [
              '免考申请专业',
              app.majors.map((m) => (
                <span key={m.code} className="apply-major">
                  {m.code}
                  {m.name}（{m.level}）
                </span>
              )),
            ],
          ]}
        />
      </section>
      <section className="section" aria-labelledby="confirm-certs">
        <h2 id="confirm-certs" className="apply-h2">
          免考申请证书课程
        </h2>
        <CertificateTable caption="免考申请证书课程" certificates={app.certificates} />
      </section>
      {missing.length ? (
        <div className="notice notice-info" role="status">
          <p className="notice-title">申请信息尚不完整，暂不能提交：</p>
          <ul className="notice-list">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="note">
          请核对以上信息。提交后如需修改，须携带身份证和打印的申请信息详情页到免考确认点办理，重新申请机会仅限一次。
        </p>
      )}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">{error.message}</p>
          {serverMissing.length ? (
            <ul className="notice-list">
              {serverMissing.map((m) => (
                <li key={String(m)}>{String(m)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="apply-actions">
        <Link className="button" to="/apply/certificates">
          上一步
        </Link>
        <button type="button" className="button button-primary" onClick={submit} disabled={busy || missing.length > 0}>
          {busy ? '正在提交…' : '提交'}
        </button>
        <Link className="button" to="/">
          返回首页
        </Link>
      </div>
    </ApplyPage>
  );
}
