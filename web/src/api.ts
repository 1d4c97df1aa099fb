/**
 * The browser's API client: one fetch wrapper for every call to `/api/*` (same origin, so the
 * HttpOnly session cookie goes along and no CORS is involved).
 *
 * Every failure becomes an {@link ApiError} whose `message` is Chinese and fit to show as is:
 * - the server's error shape `{"error":{"code","message","fields"}}` → its code, message and field errors;
 * - no answer (offline, weak mobile signal, timeout) → `NETWORK` / `TIMEOUT`, `retryable`;
 * - an answer that is not the API's JSON (e.g. a proxy's HTML error page) → `BAD_RESPONSE`.
 */
import type {
  ActivateInput,
  ApplicationView,
  CatalogView,
  CertificateInput,
  CertificatePhotoView,
  ChangePasswordInput,
  ChoicesInput,
  ErrorBody,
  IdentitySlot,
  IdentityView,
  LoginInput,
  MeView,
  NoticeView,
  MyApplicationView,
  OkView,
  PhotoUploadView,
  PhotoUrlView,
  RegisterInput,
  ReviewResultsView,
} from './api-types';

/** Codes the client adds to the server's vocabulary (functions/domain/errors.ts). */
export type ClientErrorCode = 'NETWORK' | 'TIMEOUT' | 'BAD_RESPONSE' | 'UPLOAD_REFUSED';

/** Shown when no answer arrives: the usual cause is a weak phone signal, and trying again helps. */
export const NETWORK_MESSAGE = '手机网络不稳定或已断开，请检查网络后点击“重试”。';
const TIMEOUT_MESSAGE = '网络响应超时，请检查网络后点击“重试”。';
const BAD_RESPONSE_MESSAGE = '系统繁忙，请稍后再试。';

/** A failed API call, with a Chinese message to show and per-field messages for forms. */
export class ApiError extends Error {
  /** Server error code (e.g. `VALIDATION_FAILED`) or a {@link ClientErrorCode}. */
  readonly code: string;
  /** HTTP status; 0 when no answer arrived. */
  readonly status: number;
  /** Per-field messages keyed by dotted path (e.g. `mobile`, `certificates.0.courses`). */
  readonly fields: Readonly<Record<string, string>>;
  /** The server's request id on 5xx answers, to quote to support. */
  readonly requestId: string | undefined;
  /** Extra non-personal details (e.g. `lockedUntil`). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: string,
    message: string,
    options: {
      status?: number;
      fields?: Record<string, string>;
      requestId?: string;
      details?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status ?? 0;
    this.fields = options.fields ?? {};
    this.requestId = options.requestId;
    this.details = options.details ?? {};
  }

  /** True when trying the same call again may succeed (no answer, timeout, 5xx, 429). */
  get retryable(): boolean {
    return this.status === 0 || this.status >= 500 || this.status === 429;
  }

  /** The message for one form field, if the server gave one. */
  field(path: string): string | undefined {
    return this.fields[path];
  }
}

/** True for an {@link ApiError}. */
export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Options of one API call. */
export interface RequestOptions {
  /** JSON body (sent with `content-type: application/json`). */
  body?: unknown;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** Cancels the call (e.g. when the page unmounts); a cancelled call rejects with the AbortError. */
  signal?: AbortSignal;
  /** Milliseconds before giving up with `TIMEOUT` (default 20 000: mobile networks can be slow). */
  timeoutMs?: number;
  /**
   * Automatic retries after a network failure (default 1 for GET, 0 otherwise: repeating a POST
   * whose answer was lost could apply it twice).
   */
  retries?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const RETRY_DELAY_MS = 800;

/**
 * Calls the API and returns the parsed JSON body of a 2xx answer (`undefined` for 204).
 * @param method HTTP method.
 * @param path Path starting with `/api/`.
 * @throws ApiError on any failure; the caller's own abort rethrows the AbortError untouched.
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const retries = options.retries ?? (method === 'GET' ? 1 : 0);
  for (let attempt = 0; ; attempt += 1) {
    if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('已取消', 'AbortError');
    try {
      return await requestOnce<T>(method, path, options);
    } catch (error) {
      // Only a lost connection is retried at once; a timeout already waited long enough.
      const again = isApiError(error) && error.code === 'NETWORK' && attempt < retries;
      if (!again) throw error;
      await delay(RETRY_DELAY_MS * (attempt + 1), options.signal);
    }
  }
}

async function requestOnce<T>(method: string, path: string, options: RequestOptions): Promise<T> {
  // AbortSignal.any/timeout are missing in older WebViews: combine the caller's signal and a timer by hand.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    throw timedOut
      ? new ApiError('TIMEOUT', TIMEOUT_MESSAGE, { cause })
      : new ApiError('NETWORK', NETWORK_MESSAGE, { cause });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  if (response.status === 204) return undefined as T;
  const body = await readJson(response);
  if (response.ok) {
    if (body === NOT_JSON) throw new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, { status: response.status });
    return body as T;
  }
  throw toApiError(response.status, body);
}

const NOT_JSON = Symbol('not json');

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return NOT_JSON;
  try {
    return await response.json();
  } catch {
    return NOT_JSON;
  }
}

/** Maps an error answer to an {@link ApiError}; anything not in the API's shape gets a generic message. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, fields, requestId, details } = body.error;
    return new ApiError(code, message, { status, fields, requestId, details });
  }
  return new ApiError('BAD_RESPONSE', BAD_RESPONSE_MESSAGE, { status });
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, fields } = error as Record<string, unknown>;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    (fields === undefined || (typeof fields === 'object' && fields !== null))
  );
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/**
 * Typed calls, one per route the web app uses (operationIds of functions/routes.ts).
 * Add a line here when a page needs a new route.
 */
export const api = {
  /** `getCatalog`: majors, confirmation points, certificate types and the application window. */
  getCatalog: (signal?: AbortSignal) => request<CatalogView>('GET', '/api/catalog', { signal }),

  /** `listNotices`: the latest notices (通知公告), newest first. */
  listNotices: (signal?: AbortSignal) => request<{ items: NoticeView[] }>('GET', '/api/notices', { signal }),

  /** `registerCandidate`: 新考生 registration; signs in (session cookie). */
  registerCandidate: (body: RegisterInput) => request<MeView>('POST', '/api/candidates', { body }),
  /** `activateCandidate`: 在籍考生 activation against the roster; signs in. */
  activateCandidate: (body: ActivateInput) => request<MeView>('POST', '/api/candidates/activation', { body }),
  /** `login`: ID number or ticket number + password. */
  login: (body: LoginInput) => request<MeView>('POST', '/api/session', { body }),
  /** `logout`: ends the candidate session. Repeating it is harmless, so a lost answer is retried. */
  logout: () => request<OkView>('DELETE', '/api/session', { retries: 1 }),
  /** `getMe`: profile (masked), identity state, eligibility; 401 UNAUTHENTICATED when signed out. */
  getMe: (signal?: AbortSignal) => request<MeView>('GET', '/api/me', { signal }),
  /** `changePassword`. */
  changePassword: (body: ChangePasswordInput) => request<OkView>('POST', '/api/me/password', { body }),

  /**
   * `createIdentityPhotoUpload`: a presigned PUT for one identity photo. Repeating it only creates an
   * unused upload (expired by the bucket), so a lost answer is retried.
   */
  createIdentityPhotoUpload: (
    body: { slot: IdentitySlot; contentType: 'image/jpeg' | 'image/png'; contentLength: number },
    signal?: AbortSignal,
  ) => request<PhotoUploadView>('POST', '/api/me/identity/uploads', { body, signal, retries: 1 }),
  /** `completeIdentityPhotoUpload`: the server checks the uploaded photo; 422 PHOTO_REJECTED with the reason. */
  completeIdentityPhotoUpload: (uploadId: string, signal?: AbortSignal) =>
    request<IdentityView>('POST', `/api/me/identity/uploads/${encodeURIComponent(uploadId)}/complete`, { signal }),
  /** `getIdentityPhoto`: a short-lived URL to view one's own photo. */
  getIdentityPhoto: (slot: IdentitySlot, signal?: AbortSignal) =>
    request<PhotoUrlView>('GET', `/api/me/identity/photos/${slot}`, { signal }),
  /** `verifyIdentity`: asks for verification once every photo is uploaded. */
  verifyIdentity: () => request<IdentityView>('POST', '/api/me/identity/verification'),

  // ── Exemption application (免考申请, SPEC §2.2) ──
  /** `getApplication`: this window's application (null before step 1), the window and eligibility. */
  getApplication: (signal?: AbortSignal) => request<MyApplicationView>('GET', '/api/me/application', { signal }),
  /** `saveApplicationChoices`: step 1, 免考确认点 and one or two majors; creates the draft (leave out `version` then). */
  saveApplicationChoices: (body: ChoicesInput) =>
    request<ApplicationView>('PUT', '/api/me/application/choices', { body }),
  /** `addCertificate`: step 2, one certificate with its exempt courses and photos; 400 with `fields.courses` when refused. */
  addCertificate: (body: CertificateInput) =>
    request<ApplicationView>('POST', '/api/me/application/certificates', { body }),
  /** `deleteCertificate` (删除课程). */
  deleteCertificate: (certificateId: string, version: number) =>
    request<ApplicationView>('DELETE', `/api/me/application/certificates/${encodeURIComponent(certificateId)}`, {
      query: { version },
    }),
  /** `createCertificatePhotoUpload`: a presigned PUT; a lost answer only leaves an unused upload, so it is retried. */
  createCertificatePhotoUpload: (
    body: { contentType: 'image/jpeg' | 'image/png'; contentLength: number },
    signal?: AbortSignal,
  ) => request<PhotoUploadView>('POST', '/api/me/application/photo-uploads', { body, signal, retries: 1 }),
  /** `completeCertificatePhotoUpload`: the server checks the photo (> 800×600, < 3 MB); 422 PHOTO_REJECTED with the reason. */
  completeCertificatePhotoUpload: (uploadId: string, signal?: AbortSignal) =>
    request<CertificatePhotoView>(
      'POST',
      `/api/me/application/photo-uploads/${encodeURIComponent(uploadId)}/complete`,
      { signal },
    ),
  /** `getCertificatePhoto` (查看照片): a short-lived URL of one's own certificate photo. */
  getCertificatePhoto: (photoId: string, signal?: AbortSignal) =>
    request<PhotoUrlView>('GET', `/api/me/application/photos/${encodeURIComponent(photoId)}`, { signal }),
  /** `submitApplication` (提交). The server answers a repeated submit with the same result, so a lost answer is retried. */
  submitApplication: (version: number) =>
    request<ApplicationView>('POST', '/api/me/application/submission', { body: { version }, retries: 1 }),
  /** `reapply` (重新申请): a returned application becomes a draft again, once. */
  reapply: (version: number) =>
    request<ApplicationView>('POST', '/api/me/application/reapplication', { body: { version } }),
  /** `getReviewResults` (免考审核结果查询); 404 NOT_FOUND when nothing was submitted. */
  getReviewResults: (signal?: AbortSignal) =>
    request<ReviewResultsView>('GET', '/api/me/application/results', { signal }),
};
