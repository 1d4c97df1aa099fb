/**
 * One certificate photo of the 新增免考课程 form: take or choose a photo, prepare it in the browser
 * (web/src/photo: JPEG/PNG by content, EXIF orientation, downscale/re-encode under 3 MB but never below
 * 801×601 — {@link CERTIFICATE_PHOTO_LIMITS}), upload it through a presigned PUT with a progress bar,
 * and let the server check it (`completeCertificatePhotoUpload`: > 800×600, < 3 MB). The photo's id
 * goes to the form, which attaches it with `addCertificate`.
 */
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { api, ApiError, isApiError } from '../api';
import { PhotoPrepError, preparePhoto, type PreparedPhoto } from '../photo/prepare';
import { uploadPhoto, type UploadPhase } from '../photo/upload';
import { CERTIFICATE_PHOTO_LIMITS } from './photo-limits';

/** A photo the server has kept, with a local preview. */
export interface UploadedPhoto {
  readonly photoId: string;
  readonly width: number;
  readonly height: number;
  /** An object URL of the uploaded bytes (revoked by the form when it is replaced or left). */
  readonly previewUrl: string;
}

type Stage =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'uploading'; phase: UploadPhase; percent: number }
  | { kind: 'error'; message: string; retry: PreparedPhoto | null };

const PHASE_TEXT: Record<UploadPhase, string> = {
  requesting: '正在准备上传…',
  uploading: '正在上传',
  checking: '正在校验照片…',
};

/** Errors for which sending the same photo again cannot help: another photo is needed. */
const FINAL_CODES = new Set([
  'PHOTO_REJECTED',
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'NOT_ELIGIBLE',
  'WINDOW_CLOSED',
]);

/**
 * A photo slot.
 * @param label E.g. `证书照片` or `证书照片（第1张，共2张）`.
 * @param blocked True while another slot is uploading (one upload at a time on a weak phone link).
 * @param onBusy Told when this slot starts and stops working.
 */
export function CertificatePhotoSlot({
  id,
  label,
  value,
  onChange,
  blocked,
  onBusy,
}: {
  id: string;
  label: string;
  value: UploadedPhoto | null;
  onChange: (photo: UploadedPhoto) => void;
  blocked: boolean;
  onBusy: (busy: boolean) => void;
}) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const busy = stage.kind === 'preparing' || stage.kind === 'uploading';

  const upload = async (prepared: PreparedPhoto) => {
    const abort = new AbortController();
    controller.current = abort;
    onBusy(true);
    setStage({ kind: 'uploading', phase: 'requesting', percent: 0 });
    try {
      const kept = await uploadPhoto({
        body: prepared.blob,
        signal: abort.signal,
        createUpload: (signal) =>
          api.createCertificatePhotoUpload(
            { contentType: prepared.contentType, contentLength: prepared.blob.size },
            signal,
          ),
        complete: (uploadId, signal) => api.completeCertificatePhotoUpload(uploadId, signal),
        onPhase: (phase) =>
          setStage((s) => ({ kind: 'uploading', phase, percent: s.kind === 'uploading' ? s.percent : 0 })),
        onProgress: (fraction) =>
          setStage((s) => (s.kind === 'uploading' ? { ...s, percent: Math.round(fraction * 100) } : s)),
      });
      setStage({ kind: 'idle' });
      onChange({
        photoId: kept.photoId,
        width: kept.width,
        height: kept.height,
        previewUrl: URL.createObjectURL(prepared.blob),
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      const apiError = isApiError(error) ? error : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。');
      setStage({ kind: 'error', message: apiError.message, retry: FINAL_CODES.has(apiError.code) ? null : prepared });
    } finally {
      onBusy(false);
    }
  };

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again (after an error) fires `change` again.
    event.target.value = '';
    if (!file) return;
    onBusy(true);
    setStage({ kind: 'preparing' });
    let prepared: PreparedPhoto;
    try {
      prepared = await preparePhoto(file, CERTIFICATE_PHOTO_LIMITS);
    } catch (error) {
      onBusy(false);
      setStage({
        kind: 'error',
        message: error instanceof PhotoPrepError ? error.message : '无法处理该照片，请重新拍摄或选择照片',
        retry: null,
      });
      return;
    }
    await upload(prepared);
  };

  const disabled = busy || blocked;
  const progressId = `${id}-progress`;
  return (
    <div className="cert-photo" role="group" aria-labelledby={`${id}-label`}>
      <p className="cert-photo-label" id={`${id}-label`}>
        {label}{' '}
        {value ? <span className="badge badge-open">已上传</span> : <span className="badge badge-muted">未上传</span>}
      </p>
      {value ? (
        <p className="cert-photo-preview">
          <img src={value.previewUrl} alt={`已上传的${label}`} width={value.width} height={value.height} />
          <span className="apply-muted">
            {value.width}×{value.height}像素
          </span>
        </p>
      ) : null}
      <div className="cert-photo-progress" aria-live="polite">
        {stage.kind === 'preparing' ? <p>正在处理照片（压缩、校正方向）…</p> : null}
        {stage.kind === 'uploading' ? (
          <>
            <p id={progressId}>
              {PHASE_TEXT[stage.phase]}
              {stage.phase === 'uploading' ? ` ${stage.percent}%` : ''}
            </p>
            <progress className="apply-progress" max={100} value={stage.percent} aria-labelledby={progressId} />
          </>
        ) : null}
        {value && stage.kind === 'idle' ? <p className="apply-success">上传成功</p> : null}
      </div>
      {stage.kind === 'error' ? (
        <div className="notice notice-error" role="alert">
          <p>{stage.message}</p>
          {stage.retry ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => stage.retry && upload(stage.retry)}
              disabled={blocked}
            >
              重试
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="cert-photo-actions">
        <FileButton
          label={value ? '重新拍照' : '拍照上传'}
          slot={label}
          capture
          disabled={disabled}
          onChange={choose}
        />
        <FileButton label={value ? '重新选择' : '从相册选择'} slot={label} disabled={disabled} onChange={choose} />
      </div>
      {blocked ? <p className="note">请等待当前照片上传完成。</p> : null}
    </div>
  );
}

/** A button that opens the camera (`capture`) or the album / file chooser. */
function FileButton({
  label,
  slot,
  capture = false,
  disabled,
  onChange,
}: {
  label: string;
  slot: string;
  capture?: boolean;
  disabled: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <label
      className={`button button-small apply-file${capture ? ' apply-capture' : ''}${disabled ? ' is-disabled' : ''}`}
    >
      {label}
      <span className="visually-hidden">：{slot}</span>
      <input
        className="visually-hidden"
        type="file"
        accept="image/jpeg,image/png"
        capture={capture ? 'environment' : undefined}
        disabled={disabled}
        onChange={onChange}
      />
    </label>
  );
}
