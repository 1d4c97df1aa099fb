/**
 * The take-or-choose part of a photo slot, for identity photos (身份认证) and certificate photos
 * (新增免考课程): 拍照上传 / 从相册选择 buttons, preparation in the browser (./prepare: JPEG/PNG by
 * content, EXIF orientation, downscale/re-encode under the kind's limits), the upload through a
 * presigned PUT with a progress bar (./upload), the server's check, and the error with 重试 when the
 * same photo may succeed again. One upload at a time: the page blocks the other slots meanwhile.
 * The slot around it (title, badge, preview) is the page's.
 */
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from 'react';
import { ApiError, isApiError } from '../api';
import { PhotoPrepError, preparePhoto, type PreparedPhoto } from './prepare';
import type { PhotoLimits } from './rules';
import { uploadPhoto, type UploadPhase, type UploadTicket } from './upload';

type Stage =
  | { kind: 'idle' }
  | { kind: 'preparing' }
  | { kind: 'uploading'; phase: UploadPhase; percent: number }
  | { kind: 'done' }
  | { kind: 'error'; message: string; retry: PreparedPhoto | null };

const PHASE_TEXT: Record<UploadPhase, string> = {
  requesting: '正在准备上传…',
  uploading: '正在上传',
  checking: '正在校验照片…',
};

/** Where a kind of photo goes: its limits and its two API calls. */
export interface PhotoDestination<T> {
  readonly limits: PhotoLimits;
  /** Asks the API for a presigned PUT of exactly this photo. */
  createUpload(prepared: PreparedPhoto, signal: AbortSignal | undefined): Promise<UploadTicket>;
  /** Asks the API to check and keep the uploaded photo. */
  complete(uploadId: string, signal: AbortSignal | undefined): Promise<T>;
  /** Error codes for which sending the same photo again cannot help (no 重试: another photo is needed). */
  readonly finalCodes: ReadonlySet<string>;
}

/**
 * The buttons, progress and error of one photo slot.
 * @param id Prefix of the progress text's id (`${id}-progress`, which labels the progress bar).
 * @param name The photo's name, in the buttons' accessible names (`从相册选择：${name}`).
 * @param uploaded A photo is kept already: the buttons say 重新拍照 / 重新选择.
 * @param camera Whether to offer 拍照上传 (opens the camera on phones).
 * @param compact Small buttons (inside a longer form).
 * @param editable False: no buttons, no upload messages (photos can no longer change).
 * @param blocked True while another slot is uploading (one upload at a time on a weak phone link).
 * @param onBusy Told when this slot starts and stops working.
 * @param onUploaded Told of the kept photo: what `complete` answered and the uploaded bytes (for a preview).
 * @param onRefused Told of a failed upload first. @returns true when handled (e.g. the session expired),
 *   so the slot shows nothing.
 * @param notice Shown under the upload error (e.g. a viewing error).
 * @param children Further actions, after the buttons (e.g. 查看照片).
 */
export function PhotoPicker<T>({
  id,
  name,
  uploaded,
  destination,
  camera,
  compact = false,
  editable = true,
  blocked,
  onBusy,
  onUploaded,
  onRefused,
  notice,
  children,
}: {
  id: string;
  name: string;
  uploaded: boolean;
  destination: PhotoDestination<T>;
  camera: boolean;
  compact?: boolean;
  editable?: boolean;
  blocked: boolean;
  onBusy: (busy: boolean) => void;
  onUploaded: (result: T, photo: Blob) => void;
  onRefused?: (error: unknown) => boolean;
  notice?: ReactNode;
  children?: ReactNode;
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
      const result = await uploadPhoto({
        body: prepared.blob,
        signal: abort.signal,
        createUpload: (signal) => destination.createUpload(prepared, signal),
        complete: (uploadId, signal) => destination.complete(uploadId, signal),
        onPhase: (phase) =>
          setStage((s) => ({ kind: 'uploading', phase, percent: s.kind === 'uploading' ? s.percent : 0 })),
        onProgress: (fraction) =>
          setStage((s) => (s.kind === 'uploading' ? { ...s, percent: Math.round(fraction * 100) } : s)),
      });
      setStage({ kind: 'done' });
      onUploaded(result, prepared.blob);
    } catch (error) {
      if (abort.signal.aborted || onRefused?.(error)) return;
      const apiError = isApiError(error) ? error : new ApiError('BAD_RESPONSE', '系统繁忙，请稍后再试。');
      setStage({
        kind: 'error',
        message: apiError.message,
        retry: destination.finalCodes.has(apiError.code) ? null : prepared,
      });
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
      prepared = await preparePhoto(file, destination.limits);
    } catch (error) {
      onBusy(false);
      const message = error instanceof PhotoPrepError ? error.message : '无法处理该照片，请重新拍摄或选择照片';
      setStage({ kind: 'error', message, retry: null });
      return;
    }
    await upload(prepared);
  };

  const disabled = busy || blocked;
  const progressId = `${id}-progress`;
  return (
    <>
      <div className="photo-progress" aria-live="polite">
        {stage.kind === 'preparing' ? <p>正在处理照片（压缩、校正方向）…</p> : null}
        {stage.kind === 'uploading' ? (
          <>
            <p id={progressId}>
              {PHASE_TEXT[stage.phase]}
              {stage.phase === 'uploading' ? ` ${stage.percent}%` : ''}
            </p>
            <progress className="progress" max={100} value={stage.percent} aria-labelledby={progressId} />
          </>
        ) : null}
        {stage.kind === 'done' && editable ? <p className="success-text">上传成功</p> : null}
      </div>
      {stage.kind === 'error' ? (
        <div className="notice notice-error" role="alert">
          <p>{stage.message}</p>
          {stage.retry ? (
            <button
              type="button"
              className={compact ? 'button button-primary button-small' : 'button button-primary'}
              onClick={() => stage.retry && upload(stage.retry)}
              disabled={blocked}
            >
              重试
            </button>
          ) : null}
        </div>
      ) : null}
      {notice}
      <div className="photo-actions">
        {editable ? (
          <>
            {camera ? (
              <FileButton
                label={uploaded ? '重新拍照' : '拍照上传'}
                name={name}
                small={compact}
                capture
                disabled={disabled}
                onChange={choose}
              />
            ) : null}
            <FileButton
              label={uploaded ? '重新选择' : '从相册选择'}
              name={name}
              small={compact}
              disabled={disabled}
              onChange={choose}
            />
          </>
        ) : null}
        {children}
      </div>
      {blocked && editable ? <p className="note">请等待当前照片上传完成。</p> : null}
    </>
  );
}

/**
 * A button that opens the camera (`capture`) or the album / file chooser. The page's CSS may hide the
 * camera button (`photo-capture`) where there is no camera.
 */
function FileButton({
  label,
  name,
  small,
  capture = false,
  disabled,
  onChange,
}: {
  label: string;
  name: string;
  small: boolean;
  capture?: boolean;
  disabled: boolean;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <label
      className={[
        'button',
        small && 'button-small',
        'file-button',
        capture && 'photo-capture',
        disabled && 'is-disabled',
      ]
        .filter(Boolean)
        .join(' ')}
    >
      {label}
      <input
        className="visually-hidden"
        aria-label={`${label}：${name}`}
        type="file"
        // `image/*`, not a list of types: WeChat's Android browser shows only a file manager (no camera,
        // no album) for a list. The content check in preparePhoto refuses HEIC, GIF and others with a
        // message before anything is uploaded.
        accept="image/*"
        capture={capture ? 'environment' : undefined}
        disabled={disabled}
        onChange={onChange}
      />
    </label>
  );
}
