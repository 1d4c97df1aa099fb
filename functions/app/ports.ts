/**
 * Ports: the interfaces through which use cases reach storage, photos, face comparison, the clock and
 * id generation. Adapters (`functions/adapters/*`) implement them; tests pass fakes.
 */
import type { Application, ApplicationStatus, CertificatePhoto } from '../domain/application/application.js';
import type { Catalog } from '../domain/catalog/schema.js';
import type { Candidate, RosterEntry } from '../domain/identity/candidate.js';
import type { StaffAccount } from '../domain/staff/staff.js';

/** The application window (免考申请期间), ISO 8601 instants; open when opensAt ≤ now < closesAt. */
export interface ApplicationWindow {
  readonly opensAt: string;
  readonly closesAt: string;
  /**
   * The application period's stable id (one application per candidate per period). Kept when an admin
   * edits the dates; a new id only when an admin starts a new period.
   */
  readonly id?: string;
}

/** Who did a change and when (ISO 8601), for configuration items. */
export interface ChangeMeta {
  readonly at: string;
  readonly by: string;
}

/** Catalog and window storage. */
export interface CatalogStore {
  /** The active catalog (the shipped default when none was imported). */
  getCatalog(): Promise<Catalog>;
  /** Replaces the active catalog; the audit entry is written in the same transaction. */
  putCatalog(catalog: Catalog, meta: ChangeMeta, audit?: AuditEntry): Promise<void>;
  /** The configured window, or null when none was set. */
  getWindow(): Promise<ApplicationWindow | null>;
  /** Replaces the window; the audit entry is written in the same transaction. */
  putWindow(window: ApplicationWindow, meta: ChangeMeta, audit?: AuditEntry): Promise<void>;
}

/** The clock: current time in milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Id generation (random, URL-safe, sortable by creation time where it matters). */
export interface Ids {
  /** A new opaque id, e.g. for candidates, uploads, applications. */
  newId(): string;
}

/** Image formats the system accepts (checked by content, SPEC §3). */
export type ImageFormat = 'jpeg' | 'png';

/** A presigned upload the browser PUTs to directly. */
export interface PresignedUpload {
  /** The presigned URL (never logged). */
  readonly url: string;
  /** Headers the browser must send with the PUT (Content-Type; the signed length is the body's). */
  readonly headers: Record<string, string>;
  /** When the URL stops working (ISO 8601). */
  readonly expiresAt: string;
}

/** What the storage knows about an uploaded object after a content check. */
export interface StoredImage {
  /** Object size in bytes (HeadObject). */
  readonly bytes: number;
  /** The Content-Type the object was stored with. */
  readonly contentType: string | undefined;
  /** The format detected from the magic bytes, or null when it is not a JPEG or PNG. */
  readonly format: ImageFormat | null;
  /** Pixel size read from the image header, or null when unreadable. */
  readonly width: number | null;
  readonly height: number | null;
}

/**
 * Photo storage (S3). Keys are chosen by the server (ASCII, never the file name). Uploads land under
 * `uploads/` (expired by a lifecycle rule when never confirmed) and are promoted under `photos/` once
 * checked.
 */
export interface PhotoStorage {
  /**
   * A presigned PUT for `key` whose Content-Type and Content-Length are signed.
   * @param contentLength exact size in bytes the browser will send
   * @param expiresInSeconds URL lifetime, at most 300
   */
  presignUpload(
    key: string,
    contentType: string,
    contentLength: number,
    expiresInSeconds: number,
  ): Promise<PresignedUpload>;
  /** Reads the object's size, type, magic bytes and pixel size; null when the object does not exist. */
  inspect(key: string): Promise<StoredImage | null>;
  /** Copies a checked upload to its permanent key and deletes the upload. */
  promote(uploadKey: string, photoKey: string): Promise<void>;
  /** A presigned GET for a stored photo, valid `expiresInSeconds` (≤ 300). */
  presignDownload(key: string, expiresInSeconds: number): Promise<string>;
}

/** A face bounding box, as ratios of the image's width and height (Rekognition's convention). */
export interface FaceBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The outcome of comparing the face in a source photo with the face in a target photo. */
export type FaceComparison =
  /** Both faces found; `similarity` is 0–100 (the best match, 0 when faces were found but did not match). */
  | {
      readonly kind: 'compared';
      readonly similarity: number;
      readonly sourceFace: FaceBox | null;
      readonly targetFace: FaceBox | null;
    }
  /** No usable face in one photo: the candidate can act on it by uploading that photo again. */
  | { readonly kind: 'no-face'; readonly photo: 'source' | 'target'; readonly reason: string }
  /** The service is throttled, failing or disabled: hand the check to staff. */
  | { readonly kind: 'unavailable'; readonly reason: string };

/**
 * Face comparison (Amazon Rekognition `CompareFaces`, or the disabled adapter that always answers
 * `unavailable` so everything goes to staff).
 */
export interface FaceComparer {
  /** True when automatic comparison is configured. */
  readonly enabled: boolean;
  /**
   * Compares the largest face of `sourceKey` with the faces of `targetKey` (photo bucket keys).
   * @param threshold similarity (0–100) below which a face is not reported as a match
   */
  compare(sourceKey: string, targetKey: string, threshold: number): Promise<FaceComparison>;
}

/** Who did something: a candidate, a staff member, or the system. */
export interface Actor {
  readonly kind: 'candidate' | 'staff' | 'system';
  readonly id: string;
}

/** One entry of the audit trail (who, when, what, before and after). Never edited or deleted. */
export interface AuditEntry {
  readonly entityType: 'candidate' | 'application' | 'staff' | 'config';
  readonly entityId: string;
  readonly action: string;
  readonly actor: Actor;
  /** ISO 8601. */
  readonly at: string;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Free text such as a return reason. */
  readonly note?: string;
}

/** A page of a query, with an opaque cursor for the next page (absent on the last one). */
export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

/** A pending presigned upload, owned by one candidate; expires with the URL's grace period. */
export interface UploadRecord {
  readonly uploadId: string;
  readonly ownerId: string;
  /** What the upload is for, e.g. `identity:handheld` or `certificate:<certificateId>:0`. */
  readonly purpose: string;
  readonly key: string;
  readonly contentType: string;
  /** Declared (and signed) size in bytes. */
  readonly contentLength: number;
  readonly createdAt: string;
  /** Epoch seconds after which the record is dead. */
  readonly expiresAt: number;
}

/** Candidate accounts, their uniqueness keys, login counters and uploads. */
export interface CandidateStore {
  get(candidateId: string): Promise<Candidate | null>;
  /** The candidate id registered under an ID number or a ticket number. */
  findIdByLogin(by: 'idNumber' | 'ticketNumber', value: string): Promise<string | null>;
  /**
   * Creates an account and claims its ID number (and ticket number) in one transaction.
   * @throws AppError ALREADY_EXISTS when the ID number or ticket number is taken
   */
  create(candidate: Candidate): Promise<void>;
  /**
   * Replaces the candidate if its stored version is `candidate.version - 1`; writes the audit entries
   * in the same transaction.
   * @throws AppError VERSION_CONFLICT when someone else changed it first
   */
  update(candidate: Candidate, audit?: readonly AuditEntry[]): Promise<void>;
  /** Counts a failed login; locks the account for `lockSeconds` on the `lockAfter`-th failure. Returns the lock end, if locked. */
  recordLoginFailure(
    candidateId: string,
    now: number,
    lockAfter: number,
    lockSeconds: number,
  ): Promise<string | undefined>;
  /** The current lock end, if any. */
  lockedUntil(candidateId: string): Promise<string | undefined>;
  clearLoginFailures(candidateId: string): Promise<void>;
  /** The account's session version (0 when never bumped), or null when the account does not exist. */
  sessionVersion(candidateId: string): Promise<number | null>;
  /** Ends every session of the account (logout, password change); returns the new version. */
  bumpSessionVersion(candidateId: string): Promise<number>;
  putUpload(upload: UploadRecord): Promise<void>;
  /** The owner's upload, or null (also when expired). */
  getUpload(ownerId: string, uploadId: string, now: number): Promise<UploadRecord | null>;
  deleteUpload(ownerId: string, uploadId: string): Promise<void>;
  /** Candidates waiting for manual identity review at a confirmation point, oldest first. */
  listIdentityReviews(pointId: string, limit: number, cursor?: string): Promise<Page<Candidate>>;
}

/** The roster of enrolled candidates. */
export interface RosterStore {
  get(idNumber: string): Promise<RosterEntry | null>;
  put(entry: RosterEntry): Promise<void>;
}

/** Audit trail reads (writes happen inside the stores' transactions). */
export interface AuditStore {
  list(entityType: AuditEntry['entityType'], entityId: string): Promise<AuditEntry[]>;
  /** Appends one entry on its own (for actions that change nothing else, such as an export). */
  append(entry: AuditEntry): Promise<void>;
}

/** Staff accounts and their login counters. */
export interface StaffStore {
  get(username: string): Promise<StaffAccount | null>;
  /** @throws AppError ALREADY_EXISTS when the username is taken */
  create(account: StaffAccount, audit?: readonly AuditEntry[]): Promise<void>;
  /** @throws AppError VERSION_CONFLICT when the stored version is not `account.version - 1` */
  update(account: StaffAccount, audit?: readonly AuditEntry[]): Promise<void>;
  recordLoginFailure(
    username: string,
    now: number,
    lockAfter: number,
    lockSeconds: number,
  ): Promise<string | undefined>;
  lockedUntil(username: string): Promise<string | undefined>;
  clearLoginFailures(username: string): Promise<void>;
  /** The account's session version (0 when never bumped), or null when the account does not exist. */
  sessionVersion(username: string): Promise<number | null>;
  /** Ends every session of the account (logout, password reset); returns the new version. */
  bumpSessionVersion(username: string): Promise<number>;
}

/** Filters of the staff application queue. */
export interface ApplicationQuery {
  readonly pointId: string;
  readonly status?: ApplicationStatus;
  readonly major?: string;
  /** `asc`: oldest submission first. */
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly cursor?: string;
}

/** A completed, not yet attached certificate photo of a candidate. */
export interface PendingCertificatePhoto extends CertificatePhoto {
  readonly ownerId: string;
  /** Epoch seconds after which the record is dead. */
  readonly expiresAt: number;
}

/** Applications (one per candidate per window), their certificate photos and number sequence. */
export interface ApplicationStore {
  /** The candidate's application of a window. */
  getForCandidate(candidateId: string, windowId: string): Promise<Application | null>;
  get(applicationId: string): Promise<Application | null>;
  /**
   * Creates a draft and claims the (candidate, window) slot in one transaction.
   * @throws AppError ALREADY_EXISTS when the candidate already has an application in that window
   */
  create(app: Application, audit?: readonly AuditEntry[]): Promise<void>;
  /**
   * Replaces the application if the stored version is `app.version - 1` (and, when `require` is set,
   * the stored status/attempt match — e.g. the one-re-application rule); writes audit entries in the
   * same transaction.
   * @throws AppError VERSION_CONFLICT
   */
  update(
    app: Application,
    audit?: readonly AuditEntry[],
    require?: { status?: string; attempt?: number },
  ): Promise<void>;
  /** Next application number of a window (atomic counter, starts at 1). */
  nextNumber(windowId: string): Promise<number>;
  putPhoto(photo: PendingCertificatePhoto): Promise<void>;
  /** The owner's completed photo, or null (also when expired). */
  getPhoto(ownerId: string, photoId: string, now: number): Promise<PendingCertificatePhoto | null>;
  /** The staff queue: submitted (non-draft) applications of a point, filtered, a full page at a time. */
  list(query: ApplicationQuery): Promise<Page<Application>>;
}

/** A published notice (通知公告). */
export interface Notice {
  readonly noticeId: string;
  readonly title: string;
  readonly body: string;
  /** ISO 8601. */
  readonly publishedAt: string;
  readonly publishedBy: string;
}

/** Administration storage: staff listing, roster import, notices. */
export interface AdminStore {
  /** Every staff account, by username. */
  listStaff(): Promise<StaffAccount[]>;
  /** Writes roster entries (overwriting the same ID numbers) and one audit entry. */
  putRoster(entries: readonly RosterEntry[], audit: AuditEntry): Promise<void>;
  publishNotice(notice: Notice, audit: AuditEntry): Promise<void>;
  /** The newest notices first. */
  listNotices(limit: number): Promise<Notice[]>;
}
