/**
 * The presigned-upload steps shared by identity and certificate photos (SPEC §3): start (check the
 * declared type and size, choose an ASCII key under `uploads/`, remember the upload, presign a PUT with
 * type and length signed) and finish (re-check the stored object, promote it under `photos/`).
 */
import { AppError } from '../domain/errors.js';
import { ACCEPTED_TYPES, checkDeclaredUpload, checkStoredImage, type PhotoRules } from '../domain/photos.js';
import type { CandidateStore, Clock, Ids, PhotoStorage, StoredImage, UploadRecord } from './ports.js';

/** Presigned URLs live 5 minutes at most (SPEC §3). */
export const PRESIGN_SECONDS = 300;
/** An unconfirmed upload record lives as long as the bucket keeps unconfirmed objects: one day. */
export const UPLOAD_RECORD_SECONDS = 24 * 3600;

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };

/** Ports of the upload steps. */
export interface UploadDeps {
  readonly candidates: CandidateStore;
  readonly photos: PhotoStorage;
  readonly clock: Clock;
  readonly ids: Ids;
}

/** What the create-upload routes answer. */
export interface UploadTicket {
  readonly uploadId: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Record<string, string>;
  readonly expiresAt: string;
}

/**
 * Starts an upload owned by `ownerId`.
 * @param folder key folder under `uploads/` (e.g. `identity`, `certificates`)
 * @throws AppError VALIDATION_FAILED when the declared type or size breaks `rules`
 */
export async function startUpload(
  deps: UploadDeps,
  ownerId: string,
  input: { purpose: string; folder: string; contentType: string; contentLength: number; rules: PhotoRules },
): Promise<UploadTicket> {
  const problem = checkDeclaredUpload(input.contentType, input.contentLength, input.rules);
  if (problem) {
    const field = input.contentType in ACCEPTED_TYPES ? 'contentLength' : 'contentType';
    throw new AppError('VALIDATION_FAILED', problem, { fields: { [field]: problem } });
  }
  const now = deps.clock.now();
  const uploadId = deps.ids.newId();
  const key = `uploads/${input.folder}/${ownerId}/${uploadId}.${EXTENSIONS[input.contentType]}`;
  await deps.candidates.putUpload({
    uploadId,
    ownerId,
    purpose: input.purpose,
    key,
    contentType: input.contentType,
    contentLength: input.contentLength,
    createdAt: new Date(now).toISOString(),
    expiresAt: Math.floor(now / 1000) + UPLOAD_RECORD_SECONDS,
  });
  const signed = await deps.photos.presignUpload(key, input.contentType, input.contentLength, PRESIGN_SECONDS);
  return { uploadId, url: signed.url, method: 'PUT', headers: signed.headers, expiresAt: signed.expiresAt };
}

/**
 * The owner's pending upload for a purpose.
 * @throws AppError NOT_FOUND (absent, expired, another owner's, or for another purpose)
 */
export async function pendingUpload(
  deps: Pick<UploadDeps, 'candidates' | 'clock'>,
  ownerId: string,
  uploadId: string,
  purpose: (p: string) => boolean,
): Promise<UploadRecord> {
  const upload = await deps.candidates.getUpload(ownerId, uploadId, deps.clock.now());
  if (!upload || !purpose(upload.purpose)) throw new AppError('NOT_FOUND', '上传记录不存在或已过期，请重新上传照片。');
  return upload;
}

/**
 * Re-checks the stored object against what was declared and the rules, then moves it to
 * `photos/<folder>/<ownerId>/<name>.<ext>` and forgets the upload.
 * @param label the photo's name for messages (e.g. 手持身份证照（半身）)
 * @throws AppError PHOTO_REJECTED with a reason the person can act on (the upload is then forgotten)
 */
export async function finishUpload(
  deps: Pick<UploadDeps, 'candidates' | 'photos'>,
  upload: UploadRecord,
  target: { folder: string; name: string; rules: PhotoRules; label: string; field: string },
): Promise<{ key: string; stored: StoredImage & { width: number; height: number } }> {
  const stored = await deps.photos.inspect(upload.key);
  if (!stored) throw new AppError('PHOTO_REJECTED', '未收到照片文件，请重新上传。');
  const problem = checkStoredImage(stored, upload, target.rules);
  if (problem) {
    await deps.candidates.deleteUpload(upload.ownerId, upload.uploadId);
    throw new AppError('PHOTO_REJECTED', `${target.label}：${problem}`, { fields: { [target.field]: problem } });
  }
  const key = `photos/${target.folder}/${upload.ownerId}/${target.name}.${upload.key.split('.').pop()}`;
  await deps.photos.promote(upload.key, key);
  await deps.candidates.deleteUpload(upload.ownerId, upload.uploadId);
  return { key, stored: stored as StoredImage & { width: number; height: number } };
}
