/**
 * The seed's certificate table (序号 / 证书 / 证书信息 / 免考课程 / 操作) with 查看照片 and, on step 2,
 * 删除课程 (asked once more before deleting). On phones each row is shown as a card (apply.css); when
 * printed, 操作 becomes a strip of photo thumbnails loaded beforehand through short-lived URLs.
 */
import { useState } from 'react';
import type { ApplicationCertificate } from '../api-types';
import { formatExamTime } from './dates';
import { PhotoButton } from './PhotoViewer';

/**
 * The table.
 * @param onDelete Present on step 2: deletes a row (resolves when done; rejects with a message shown by the caller).
 * @param printPhotos Photo URLs by photoId for the printed page (the detail page loads them).
 * @param busy Disables 删除课程 while another change is being saved.
 */
export function CertificateTable({
  certificates,
  onDelete,
  printPhotos,
  busy = false,
  caption,
}: {
  certificates: readonly ApplicationCertificate[];
  onDelete?: (certificate: ApplicationCertificate) => Promise<void>;
  printPhotos?: Readonly<Record<string, string>>;
  busy?: boolean;
  caption: string;
}) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const remove = async (certificate: ApplicationCertificate) => {
    if (!onDelete) return;
    setDeleting(certificate.certificateId);
    try {
      await onDelete(certificate);
    } finally {
      setDeleting(null);
      setConfirming(null);
    }
  };

  return (
    // Explicit roles: on phones the rows are restyled as cards (display: block), which makes some
    // browsers (Safari) drop the table semantics that screen readers need.
    <table className="cert-table" role="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th role="columnheader" scope="col" className="cert-col-index">
            序号
          </th>
          <th role="columnheader" scope="col">
            证书
          </th>
          <th role="columnheader" scope="col">
            证书信息
          </th>
          <th role="columnheader" scope="col">
            免考课程
          </th>
          <th role="columnheader" scope="col" className="cert-col-actions">
            <span className="screen-only">操作</span>
            <span className="print-only">证书照片</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {certificates.length === 0 ? (
          <tr className="cert-empty" role="row">
            <td role="cell" colSpan={5}>
              尚未添加证书。请点击“新增免考课程”，选择用于申请免考的证书。
            </td>
          </tr>
        ) : null}
        {certificates.map((certificate, index) => (
          <tr key={certificate.certificateId} role="row">
            <td role="cell" className="cert-col-index" data-label="序号">
              {index + 1}
            </td>
            <td role="cell" data-label="证书">
              {certificate.certificateTypeName}
            </td>
            <td role="cell" data-label="证书信息">
              <ul className="cert-facts">
                <li>考试时间：{formatExamTime(certificate.examTime)}</li>
                <li>考试科目：{certificate.subject}</li>
                <li>证书编号：{certificate.certificateNumber}</li>
              </ul>
            </td>
            <td role="cell" data-label="免考课程">
              <ul className="cert-courses">
                {certificate.courses.map((course) => (
                  <li key={course.code}>
                    <span className="course-code">{course.code}</span> {course.name}
                  </li>
                ))}
              </ul>
            </td>
            <td role="cell" className="cert-col-actions" data-label="操作">
              <div className="cert-actions screen-only">
                <PhotoButton photos={certificate.photos} title={certificate.certificateTypeName} />
                {onDelete && confirming !== certificate.certificateId ? (
                  <button
                    type="button"
                    className="button button-small button-danger"
                    onClick={() => setConfirming(certificate.certificateId)}
                    disabled={busy || deleting !== null}
                  >
                    删除课程
                  </button>
                ) : null}
              </div>
              {onDelete && confirming === certificate.certificateId ? (
                <div className="cert-confirm screen-only" role="group" aria-label={`删除第${index + 1}个证书`}>
                  <p>删除该证书及其免考课程？删除后可重新添加。</p>
                  <button
                    type="button"
                    className="button button-small button-danger-solid"
                    onClick={() => remove(certificate)}
                    disabled={deleting !== null}
                  >
                    {deleting === certificate.certificateId ? '正在删除…' : '确认删除'}
                  </button>
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => setConfirming(null)}
                    disabled={deleting !== null}
                  >
                    取消
                  </button>
                </div>
              ) : null}
              {printPhotos ? (
                <div className="cert-thumbs print-only">
                  {certificate.photos.map((photo, i) => {
                    const url = printPhotos[photo.photoId];
                    return url ? (
                      <img key={photo.photoId} src={url} alt={`证书照片 ${i + 1}`} className="cert-thumb" />
                    ) : (
                      <span key={photo.photoId} className="cert-thumb-missing">
                        照片 {i + 1}
                      </span>
                    );
                  })}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
