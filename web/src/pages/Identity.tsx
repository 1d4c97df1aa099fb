/**
 * 身份认证 (seed §二, SPEC §2.1): the verification status, the 三照 (new candidates) or 两照
 * (enrolled candidates) with the seed's requirements, one card per photo to take or choose, prepare
 * (web/src/photo), upload with progress and view, and 提交认证 once every photo is uploaded.
 * Until the identity is verified this is the only service open to the candidate.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, isApiError } from '../api';
import type { IdentityPhoto, IdentitySlot, IdentityView } from '../api-types';
import { CandidatePage } from '../components/CandidatePage';
import { formatDateTime } from '../format';
import { PhotoPicker, type PhotoDestination } from '../photo/PhotoPicker';
import { IDENTITY_PHOTO_LIMITS } from '../photo/rules';
import { session } from '../session';

/** The seed's wording of each photo, and what makes it acceptable. */
const SLOT_GUIDE: Record<IdentitySlot, { title: string; guide: string }> = {
  portrait: {
    title: '考生免冠彩色证件照（蓝底、白底、白灰底）',
    guide: '本人近期正面免冠彩色照片，背景为蓝色、白色或白灰色，五官清晰，不戴帽子、墨镜。',
  },
  idCardFront: {
    title: '考生身份证照片（人像面）',
    guide: '本人居民身份证有照片的一面，四角完整，照片和文字清晰，无反光、无遮挡。',
  },
  handheld: {
    title: '考生手持身份证照（半身）',
    guide: '本人手持身份证人像面拍摄的半身照，面部和身份证都清晰可见，证件不要遮挡面部。',
  },
};

/**
 * Phones and tablets (touch screens) get a 拍照 button that opens the camera; a PC without touch has no
 * camera flow, where it would only open the same file chooser as 从相册选择.
 */
const HAS_CAMERA_FLOW = typeof navigator !== 'undefined' && navigator.maxTouchPoints > 0;

/** Statuses in which photos may be (re)uploaded (server: assertPhotosEditable). */
const EDITABLE = new Set<IdentityView['status']>(['photos_required', 'pending', 'photo_rejected']);

const STATUS_BADGE: Record<IdentityView['status'], string> = {
  photos_required: 'badge-muted',
  pending: 'badge-info',
  manual_review: 'badge-info',
  verified: 'badge-open',
  photo_rejected: 'badge-stop',
};

/** The identity page. */
export function Identity() {
  return <CandidatePage title="身份认证">{(me) => <IdentityBody identity={me.identity} />}</CandidatePage>;
}

function IdentityBody({ identity }: { identity: IdentityView }) {
  const [busySlot, setBusySlot] = useState<IdentitySlot | null>(null);
  const editable = EDITABLE.has(identity.status);
  const count = identity.photos.length === 3 ? '三' : '两';

  return (
    <>
      <StatusPanel identity={identity} count={count} />
      {identity.status !== 'verified' ? (
        <div className="notice notice-info">
          <p className="notice-title">身份认证通过前，只能查看认证状态和上传照片。</p>
          <p>认证通过后，即可使用个人中心的免考申请等各项业务。</p>
        </div>
      ) : null}
      <section className="section" aria-labelledby="photo-rules">
        <h2 id="photo-rules">照片要求</h2>
        <ul className="rule-list">
          <li>{count}张照片要求必须为同一人，照片文件小于2M，并且确保照片清晰。</li>
          <li>仅支持 JPG、PNG 格式。手机拍摄的大照片会自动压缩到2M以内，并自动校正方向。</li>
          <li>
            苹果手机的 HEIC 格式照片无法上传：请在“设置 › 相机 › 格式”中选择“兼容性最佳”后重新拍摄，或截图后上传。
          </li>
        </ul>
      </section>
      <ol className="slot-list">
        {identity.photos.map((photo, index) => (
          <PhotoSlot
            key={photo.slot}
            index={index + 1}
            photo={photo}
            editable={editable}
            rejection={identity.rejection?.slot === photo.slot ? identity.rejection.reason : null}
            blocked={busySlot !== null && busySlot !== photo.slot}
            onBusy={(busy) => setBusySlot(busy ? photo.slot : null)}
          />
        ))}
      </ol>
      {identity.status === 'pending' ? <SubmitPanel count={count} disabled={busySlot !== null} /> : null}
    </>
  );
}

function StatusPanel({ identity, count }: { identity: IdentityView; count: string }) {
  const rejectedName = identity.photos.find((p) => p.slot === identity.rejection?.slot);
  return (
    <section className="section status-panel" aria-labelledby="identity-status">
      <h2 id="identity-status">认证状态</h2>
      <p className="status-line" role="status">
        <span className={`badge badge-large ${STATUS_BADGE[identity.status]}`}>{identity.statusText}</span>
      </p>
      {identity.status === 'photos_required' ? <p>请按要求上传“{count}照”，全部上传后点击“提交认证”。</p> : null}
      {identity.status === 'pending' ? <p>照片已全部上传，请确认无误后点击页面下方的“提交认证”。</p> : null}
      {identity.status === 'manual_review' ? (
        <p>
          您的照片已提交，正在由工作人员人工审核，请耐心等待。审核期间不能更改照片，审核结果可随时登录后在本页查看。
        </p>
      ) : null}
      {identity.status === 'verified' ? (
        <>
          <p>身份认证已通过，可以办理个人中心的各项业务。</p>
          <p>
            <Link className="button button-primary" to="/me">
              进入个人中心
            </Link>
          </p>
        </>
      ) : null}
      {identity.status === 'photo_rejected' && identity.rejection ? (
        <div className="rejection">
          <p>
            <strong>未通过原因：</strong>
            {identity.rejection.reason}
          </p>
          <p>
            {rejectedName
              ? `请重新上传“${SLOT_GUIDE[rejectedName.slot].title}”，然后再次提交认证。`
              : '请按原因重新上传照片，然后再次提交认证。'}
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** Where an identity photo goes. */
const identityPhotos = (slot: IdentitySlot): PhotoDestination<IdentityView> => ({
  limits: IDENTITY_PHOTO_LIMITS,
  createUpload: (prepared, signal) =>
    api.createIdentityPhotoUpload(
      { slot, contentType: prepared.contentType, contentLength: prepared.blob.size },
      signal,
    ),
  complete: (uploadId, signal) => api.completeIdentityPhotoUpload(uploadId, signal),
  // Errors for which trying the same photo again cannot help: the person must choose another.
  finalCodes: new Set(['PHOTO_REJECTED', 'VALIDATION_FAILED', 'INVALID_STATE']),
});

function PhotoSlot({
  index,
  photo,
  editable,
  rejection,
  blocked,
  onBusy,
}: {
  index: number;
  photo: IdentityPhoto;
  editable: boolean;
  rejection: string | null;
  blocked: boolean;
  onBusy: (busy: boolean) => void;
}) {
  const guide = SLOT_GUIDE[photo.slot];
  const headingId = `slot-${photo.slot}`;
  const [preview, setPreview] = useState<{ url: string; local: boolean } | null>(null);
  const [viewError, setViewError] = useState<string | null>(null);

  // Local previews are object URLs: give their memory back when replaced or when the page closes.
  useEffect(
    () => () => {
      if (preview?.local) URL.revokeObjectURL(preview.url);
    },
    [preview],
  );

  const view = async () => {
    setViewError(null);
    try {
      const { url } = await api.getIdentityPhoto(photo.slot);
      setPreview({ url, local: false });
    } catch (error) {
      if (session.expiredBy(error)) return;
      setViewError(isApiError(error) ? error.message : '照片加载失败，请稍后再试。');
    }
  };

  const stateBadge = rejection ? (
    <span className="badge badge-stop">未通过</span>
  ) : photo.uploaded ? (
    <span className="badge badge-open">已上传</span>
  ) : (
    <span className="badge badge-muted">未上传</span>
  );

  return (
    <li className="section slot" aria-labelledby={headingId}>
      <h2 className="slot-title" id={headingId}>
        {index}. {guide.title}
      </h2>
      <p className="slot-guide">{guide.guide}</p>
      <p className="slot-state">
        {stateBadge}
        {photo.uploaded && photo.width && photo.height ? (
          <span className="slot-meta">
            {' '}
            {photo.width}×{photo.height}像素
            {photo.uploadedAt ? `，${formatDateTime(photo.uploadedAt) ?? ''}上传` : ''}
          </span>
        ) : null}
      </p>
      {rejection ? <p className="field-error">未通过原因：{rejection}</p> : null}

      {preview ? (
        <img
          className="slot-preview"
          src={preview.url}
          alt={`已上传的${photo.name}`}
          onError={() => setViewError('照片加载失败，请稍后再试。')}
        />
      ) : null}

      <PhotoPicker
        id={headingId}
        name={photo.name}
        uploaded={photo.uploaded}
        destination={identityPhotos(photo.slot)}
        camera={HAS_CAMERA_FLOW}
        editable={editable}
        blocked={blocked}
        onBusy={onBusy}
        onUploaded={(identity, bytes) => {
          setPreview({ url: URL.createObjectURL(bytes), local: true });
          setViewError(null);
          session.updateIdentity(identity);
        }}
        onRefused={(error) => {
          if (session.expiredBy(error)) return true;
          // INVALID_STATE: the photos can no longer change; show the status as it is now.
          if (isApiError(error) && error.code === 'INVALID_STATE') session.load().catch(() => undefined);
          return false;
        }}
        notice={
          viewError ? (
            <p className="field-error" role="alert">
              {viewError}
            </p>
          ) : null
        }
      >
        {photo.uploaded && !preview?.local ? (
          <button type="button" className="button" onClick={view} aria-label={`查看照片：${photo.name}`}>
            查看照片
          </button>
        ) : null}
      </PhotoPicker>
    </li>
  );
}

function SubmitPanel({ count, disabled }: { count: string; disabled: boolean }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      session.updateIdentity(await api.verifyIdentity());
      document.getElementById('identity-status')?.scrollIntoView({ block: 'start' });
    } catch (e) {
      if (session.expiredBy(e)) return;
      setError(isApiError(e) ? e : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。'));
      if (isApiError(e) && e.code === 'INVALID_STATE') session.load().catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section submit-panel" aria-labelledby="submit-title">
      <h2 id="submit-title">提交认证</h2>
      <p>“{count}照”已全部上传。请确认照片均为本人、清晰完整，然后提交认证。</p>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
        </div>
      ) : null}
      <button type="button" className="button button-primary button-block" onClick={submit} disabled={busy || disabled}>
        {busy ? '正在提交…' : '提交认证'}
      </button>
    </section>
  );
}
