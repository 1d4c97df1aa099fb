/**
 * Photo upload through a presigned PUT (SPEC §3): ask the API for an upload (type and exact size are
 * signed into the URL), PUT the bytes straight to S3 with upload progress, then ask the API to check
 * and keep the photo. Used for identity photos; certificate photos follow the same three steps.
 *
 * Weak mobile networks: a PUT that gets no answer, times out, or is refused with 403 (the URL expired
 * while the phone was offline) is tried once more with a fresh URL; after that the error goes to the
 * page, whose 重试 button starts again.
 */
import { ApiError, NETWORK_MESSAGE } from '../api';

/** What a create-upload route answers (PhotoUploadView of functions/domain/identity/api.ts). */
export interface UploadTicket {
  readonly uploadId: string;
  readonly url: string;
  readonly method: 'PUT';
  readonly headers: Readonly<Record<string, string>>;
  readonly expiresAt: string;
}

/** Steps of an upload, for the page to show. */
export type UploadPhase = 'requesting' | 'uploading' | 'checking';

/** What {@link uploadPhoto} needs. */
export interface UploadJob<T> {
  /** The file to PUT (its exact size and type were declared in `createUpload`). */
  readonly body: Blob;
  /** Asks the API for a presigned PUT. */
  createUpload(signal: AbortSignal | undefined): Promise<UploadTicket>;
  /** Asks the API to check and keep the uploaded object. */
  complete(uploadId: string, signal: AbortSignal | undefined): Promise<T>;
  /** Progress of the PUT: 0–1. */
  onProgress?(fraction: number): void;
  onPhase?(phase: UploadPhase): void;
  signal?: AbortSignal;
}

/** Milliseconds a PUT may take: 2 MB over a weak 3G link (≈ 20 KB/s) fits. */
const PUT_TIMEOUT_MS = 120_000;

/** How many times the PUT is tried with a fresh URL before the page is told. */
const PUT_ATTEMPTS = 2;

/**
 * Runs the three steps; see the module comment for the retry.
 * @returns What `complete` returns (e.g. the new IdentityView).
 * @throws ApiError — the API's own errors (e.g. PHOTO_REJECTED with its reason), NETWORK / TIMEOUT,
 *   or UPLOAD_REFUSED when S3 refused the PUT twice. The caller's abort rethrows the AbortError.
 */
export async function uploadPhoto<T>(job: UploadJob<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    job.onPhase?.('requesting');
    const ticket = await job.createUpload(job.signal);
    job.onPhase?.('uploading');
    job.onProgress?.(0);
    try {
      await putWithProgress(ticket, job.body, job.onProgress, job.signal);
    } catch (error) {
      const again = error instanceof ApiError && isRetryablePut(error) && attempt < PUT_ATTEMPTS;
      if (!again) throw error;
      continue;
    }
    job.onPhase?.('checking');
    return job.complete(ticket.uploadId, job.signal);
  }
}

function isRetryablePut(error: ApiError): boolean {
  return error.code === 'NETWORK' || error.code === 'TIMEOUT' || error.status === 403;
}

// The browser sets these itself; XMLHttpRequest refuses them (with a console error) if a script does.
const FORBIDDEN_HEADERS = new Set(['content-length', 'host', 'connection']);

/**
 * PUTs `body` to a presigned URL with exactly the signed headers, reporting upload progress.
 * XMLHttpRequest, not fetch: fetch has no upload progress events.
 * @throws ApiError NETWORK (no answer), TIMEOUT, UPLOAD_REFUSED (any non-2xx; `status` tells which)
 */
export function putWithProgress(
  ticket: UploadTicket,
  body: Blob,
  onProgress: ((fraction: number) => void) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new DOMException('已取消', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open(ticket.method, ticket.url);
    xhr.timeout = PUT_TIMEOUT_MS;
    for (const [name, value] of Object.entries(ticket.headers)) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve();
      } else {
        // S3's XML error body is not for people; its status says enough (403: expired or refused).
        reject(
          new ApiError(
            'UPLOAD_REFUSED',
            xhr.status === 403 ? '上传地址已过期，请点击“重试”重新上传。' : '照片上传失败，请点击“重试”重新上传。',
            { status: xhr.status },
          ),
        );
      }
    };
    xhr.onerror = () => {
      done();
      reject(new ApiError('NETWORK', NETWORK_MESSAGE));
    };
    xhr.ontimeout = () => {
      done();
      reject(new ApiError('TIMEOUT', '上传超时，手机网络可能不稳定，请点击“重试”。'));
    };
    xhr.onabort = () => {
      done();
      reject(signal?.reason ?? new DOMException('已取消', 'AbortError'));
    };
    xhr.send(body);
  });
}
