/**
 * Step 2, 免考申请证书课程填报 (seed §四 2 and 5): the certificates added so far in the seed's table,
 * with 查看照片 and 删除课程; 新增免考课程 (up to four certificates), 上一步, and 下一步 — disabled, with
 * the reason beside it, until at least one certificate is added.
 */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../api';
import type { ApplicationCertificate } from '../api-types';
import { InfoLine } from './ApplicantInfo';
import { ApplyPage } from './ApplyPage';
import { CertificateTable } from './CertificateTable';
import { useApply, useWriteErrors } from './context';

/** At most four certificates (seed: 使用多个(最多四个)证书申请免考). */
export const MAX_CERTIFICATES = 4;

/** Step 2's table page. */
export function CertificatesStep() {
  const { state, update } = useApply();
  const toApiError = useWriteErrors();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  // The guard only renders this page for an existing, editable application.
  const app = state.application!;
  const count = app.certificates.length;
  const full = count >= MAX_CERTIFICATES;

  const remove = async (certificate: ApplicationCertificate) => {
    setError(null);
    try {
      update(await api.deleteCertificate(certificate.certificateId, app.version));
    } catch (e) {
      setError(toApiError(e));
    }
  };

  return (
    <ApplyPage title="免考申请证书课程填报" step={2}>
      <section className="section">
        <InfoLine
          rows={[
            ['姓名', app.applicant.name],
            ['准考证号', app.applicant.ticketNumber],
          ]}
        />
        <p className="apply-lead">
          请选择用于申请免考的证书，填选相关信息。使用多个(最多四个)证书申请免考的，请增选相应数量的证书。
        </p>
        <p className="apply-majors">
          免考申请专业：{app.majors.map((m) => `${m.code}${m.name}（${m.level}）`).join('、')}
        </p>
        {error ? (
          <div className="notice notice-error" role="alert">
            <p>{error.message}</p>
          </div>
        ) : null}
        <CertificateTable caption="已添加的证书及免考课程" certificates={app.certificates} onDelete={remove} />
      </section>
      <div className="apply-actions">
        {full ? (
          <span className="button is-disabled" aria-disabled="true" aria-describedby="add-limit">
            新增免考课程
          </span>
        ) : (
          <Link className="button button-primary" to="/apply/certificates/new">
            新增免考课程
          </Link>
        )}
        <Link className="button" to="/apply/choices">
          上一步
        </Link>
        <button
          type="button"
          className="button button-primary"
          disabled={count === 0}
          aria-describedby={count === 0 ? 'next-reason' : undefined}
          onClick={() => navigate('/apply/confirm')}
        >
          下一步
        </button>
      </div>
      {full ? (
        <p className="note" id="add-limit">
          已添加{MAX_CERTIFICATES}个证书，最多可使用{MAX_CERTIFICATES}个证书申请免考；如需更换，请先删除课程。
        </p>
      ) : null}
      {count === 0 ? (
        <p className="note" id="next-reason">
          请先点击“新增免考课程”添加至少一个证书，然后才能进入下一步。
        </p>
      ) : null}
    </ApplyPage>
  );
}
