/**
 * 山西省高等教育自学考试免考申请信息详情 (seed §四 7, §五): 姓名, 证件号码, 准考证号, 申请编号, the
 * certificates table, 考生免考申请状态：…, and 打印 / 返回首页 — plus 重新申请 while the application is
 * returned on its first attempt (seed: 重新申请机会仅限一次).
 *
 * Printing (`window.print()`): apply.css's print rules lay the page out for A4 — header, navigation and
 * buttons hidden, black on white, rows kept whole, and 操作 replaced by thumbnails of the certificate
 * photos, which this page loads through their short-lived URLs as soon as it opens (the browser keeps
 * the loaded images for printing). The print time (打印时间, Beijing) is shown only on paper.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, type ApiError } from '../api';
import { formatDateTime } from '../format';
import { InfoLine } from './ApplicantInfo';
import { ApplyPage } from './ApplyPage';
import { CertificateTable } from './CertificateTable';
import { useApply, useWriteErrors } from './context';
import { beijingMinute } from './dates';

/** The detail page. */
export function DetailPage() {
  const { state, update, setFlash } = useApply();
  const toApiError = useWriteErrors();
  const navigate = useNavigate();
  const app = state.application!;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const printPhotos = usePrintPhotos(app.certificates.flatMap((c) => c.photos.map((p) => p.photoId)));
  const printedAt = usePrintTime();

  const reapply = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await api.reapply(app.version);
      setFlash({
        kind: 'info',
        text: '已开始重新申请：原申请内容已保留，请修改后重新提交。重新申请机会仅限一次。',
        path: '/apply/choices',
      });
      update(view);
      navigate('/apply/choices');
    } catch (e) {
      setBusy(false);
      setError(toApiError(e));
    }
  };

  const submitted = formatDateTime(app.submittedAt);
  return (
    <ApplyPage title="山西省高等教育自学考试免考申请信息详情">
      <section className="section apply-detail">
        <InfoLine
          rows={[
            ['姓名', app.applicant.name],
            ['证件号码', app.applicant.idNumber],
            ['准考证号', app.applicant.ticketNumber],
          ]}
        />
        <InfoLine
          rows={[
            ['申请编号', <span className="apply-number">{app.applicationNumber ?? '未提交'}</span>],
            ['免考确认点', app.point?.name ?? '—'],
          ]}
        />
        <InfoLine rows={[['免考申请专业', app.majors.map((m) => `${m.code}${m.name}（${m.level}）`).join('、')]]} />
        {submitted ? <InfoLine rows={[['提交时间', submitted]]} /> : null}
        <CertificateTable caption="免考申请证书课程" certificates={app.certificates} printPhotos={printPhotos} />
        <p className="apply-status">
          考生免考申请状态：<strong>{app.statusText}</strong>
        </p>
        <p className="apply-printed print-only">打印时间：{printedAt}</p>
      </section>
      {app.status === 'draft' && !app.editable && state.eligibility.reasons.length ? (
        <div className="notice notice-info" role="status">
          <p>该申请尚未提交，目前只能查看：{state.eligibility.reasons.join('；')}。</p>
        </div>
      ) : null}
      {app.status === 'returned' && !app.canReapply ? (
        <div className="notice notice-info" role="status">
          <p>
            {app.attempt > 1
              ? '重新申请机会仅限一次，您已使用过，请等待免考确认点的审核结果。'
              : '当前不在免考申请期间，不能重新申请。'}
          </p>
        </div>
      ) : null}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
        </div>
      ) : null}
      <div className="apply-actions">
        {app.editable ? (
          <Link className="button button-primary" to="/apply/choices">
            继续填报
          </Link>
        ) : null}
        {app.canReapply ? (
          <button type="button" className="button button-primary" onClick={reapply} disabled={busy}>
            {busy ? '正在处理…' : '重新申请'}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => window.print()}>
            打印
          </button>
        )}
        {app.submittedAt ? (
          <Link className="button" to="/results">
            免考审核结果查询
          </Link>
        ) : null}
        <Link className="button" to="/">
          返回首页
        </Link>
      </div>
    </ApplyPage>
  );
}

/** Short-lived URLs of the photos, by photoId, loaded once for the printed page (missing ones left out). */
function usePrintPhotos(photoIds: readonly string[]): Record<string, string> {
  const [urls, setUrls] = useState<Record<string, string>>({});
  const key = photoIds.join(',');
  useEffect(() => {
    const controller = new AbortController();
    const ids = key ? key.split(',') : [];
    Promise.allSettled(ids.map((id) => api.getCertificatePhoto(id, controller.signal))).then((answers) => {
      if (controller.signal.aborted) return;
      const loaded: Record<string, string> = {};
      answers.forEach((answer, i) => {
        if (answer.status === 'fulfilled') loaded[ids[i]!] = answer.value.url;
      });
      setUrls(loaded);
    });
    return () => controller.abort();
  }, [key]);
  return urls;
}

/** The time shown as 打印时间: when the page opened, renewed when the browser starts printing. */
function usePrintTime(): string {
  const [time, setTime] = useState(() => beijingMinute());
  useEffect(() => {
    const renew = () => setTime(beijingMinute());
    window.addEventListener('beforeprint', renew);
    return () => window.removeEventListener('beforeprint', renew);
  }, []);
  return time;
}
