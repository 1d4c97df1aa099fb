/**
 * One error vocabulary for the whole API. Domain code throws {@link AppError}; the HTTP error
 * middleware (last in every middy chain) maps it to `{"error":{"code","message","fields"}}`.
 * `message` is Chinese and fit to show to a person; `code` is stable for programs.
 */

/** Stable machine-readable error codes, each with its HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  INVALID_JSON: 400,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  NOT_FOUND: 404,
  ROSTER_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  VERSION_CONFLICT: 409,
  REAPPLY_LIMIT_REACHED: 409,
  WINDOW_CLOSED: 409,
  INVALID_STATE: 409,
  NOT_ELIGIBLE: 409,
  PHOTO_REJECTED: 422,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
} as const;

/** A stable error code understood by the API's clients. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Per-field messages, keyed by a dotted field path (e.g. `certificates.0.courses`). */
export type FieldErrors = Record<string, string>;

/**
 * An error that the caller can act on. Thrown by domain and application code; never carries
 * personal data in `message` or `fields` (they are returned to the caller and may be logged).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly fields: FieldErrors | undefined;
  /** Extra, non-personal details returned beside the message (e.g. `lockedUntil`). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.fields = options.fields;
    this.details = options.details;
  }
}

/** True when `e` is an {@link AppError}, also across bundles that each carry a copy of the class. */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (e instanceof Error && e.name === 'AppError' && 'code' in e);
}
