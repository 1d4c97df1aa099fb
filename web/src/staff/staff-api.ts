/**
 * The staff pages' API calls and types. Built on the app's one fetch wrapper (`request`, so errors are
 * the same Chinese {@link ApiError}s), kept in the staff chunk so candidates never download it.
 *
 * Types come from the route table's zod schemas (TYPES only: `import type` is erased by the build, so
 * no server code reaches the browser).
 *
 * A 401 from any staff call means the staff session ended (it lives one hour): every listener of
 * {@link onSignedOut} hears it, so the staff frame can send the person back to the login page.
 */
import type { z } from 'zod';
import type {
  CatalogImportView as CatalogImportViewSchema,
  NoticeView as NoticeViewSchema,
  RosterImportView as RosterImportViewSchema,
  StaffAccountView as StaffAccountViewSchema,
} from '../../../functions/domain/admin/api';
import type {
  StaffApplicationDetail as StaffApplicationDetailSchema,
  StaffApplicationSummary as StaffApplicationSummarySchema,
} from '../../../functions/domain/application/staff-api';
import type { IdentityReviewItem as IdentityReviewItemSchema } from '../../../functions/domain/identity/api';
import type { StaffView as StaffViewSchema } from '../../../functions/domain/staff/api';
import { isApiError, request, type RequestOptions } from '../api';

/** A staff account as the API shows it. */
export type StaffView = z.infer<typeof StaffViewSchema>;
/** One row of the application queue (ID number masked). */
export type StaffApplicationSummary = z.infer<typeof StaffApplicationSummarySchema>;
/** Everything about one application (photo URLs live 5 minutes). */
export type StaffApplicationDetail = z.infer<typeof StaffApplicationDetailSchema>;
/** One audit entry. */
export type AuditEntry = StaffApplicationDetail['audit'][number];
/** One candidate waiting for manual identity review. */
export type IdentityReviewItem = z.infer<typeof IdentityReviewItemSchema>;
/** A staff account as admins see it (with its version for updates). */
export type StaffAccountView = z.infer<typeof StaffAccountViewSchema>;
/** `importRoster` answer: how many rows were taken, and the refused rows with line numbers and reasons. */
export type RosterImportView = z.infer<typeof RosterImportViewSchema>;
/** A published notice (通知公告). */
export type NoticeView = z.infer<typeof NoticeViewSchema>;
/** `importCatalog` answer: the new catalog's version and counts. */
export type CatalogImportView = z.infer<typeof CatalogImportViewSchema>;
/** The application window as the API shows it. */
export interface WindowView {
  opensAt: string | null;
  closesAt: string | null;
  open: boolean;
}
/** Application statuses a queue can filter on. */
export type QueueStatus = 'submitted' | 'returned' | 'decided';
/** Identity photo slots. */
export type IdentitySlot = 'portrait' | 'idCardFront' | 'handheld';

/** A page of a cursor-paginated list; `cursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/** Filters of the application queue. */
export interface QueueQuery {
  pointId: string;
  status?: QueueStatus | undefined;
  major?: string | undefined;
  order: 'desc' | 'asc';
  limit?: number;
  cursor?: string | undefined;
}

/** One course decision as sent to `decideApplication`. */
export interface CourseDecisionInput {
  course: string;
  verdict: 'approved' | 'rejected';
  reason?: string;
}

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/**
 * Subscribes to "the staff session has ended" (a staff call answered 401).
 * @returns The unsubscribe function.
 */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

async function call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await request<T>(method, path, options);
  } catch (error) {
    if (isApiError(error) && error.status === 401) for (const listener of signedOutListeners) listener();
    throw error;
  }
}

const id = (value: string) => encodeURIComponent(value);

/** Typed calls of the staff routes (operationIds of functions/routes.ts). */
export const staffApi = {
  /** `staffLogin`: 401 INVALID_CREDENTIALS, 423 ACCOUNT_LOCKED (message says until when). Not routed through the 401 signal. */
  login: (body: { username: string; password: string }) => request<StaffView>('POST', '/api/staff/session', { body }),
  /** `staffLogout`: repeating it is harmless, so a lost answer is retried. */
  logout: () => request<{ ok: true }>('DELETE', '/api/staff/session', { retries: 1 }),
  /** `getStaffMe`: the signed-in staff member; 401 when signed out, 403 for a candidate session. */
  me: (signal?: AbortSignal) => request<StaffView>('GET', '/api/staff/me', { signal }),

  /** `listApplications`: 404 for a point outside the staff member's scope. */
  listApplications: (query: QueueQuery, signal?: AbortSignal) =>
    call<Page<StaffApplicationSummary>>('GET', '/api/staff/applications', {
      signal,
      query: { ...query, limit: query.limit ?? 20 },
    }),
  /** `getStaffApplication`: the detail with fresh 5-minute photo URLs. */
  getApplication: (applicationId: string, signal?: AbortSignal) =>
    call<StaffApplicationDetail>('GET', `/api/staff/applications/${id(applicationId)}`, { signal }),
  /** `returnApplication`: 409 VERSION_CONFLICT when someone acted first. */
  returnApplication: (applicationId: string, body: { reason: string; version: number }) =>
    call<StaffApplicationSummary>('POST', `/api/staff/applications/${id(applicationId)}/return`, { body }),
  /** `decideApplication`: one decision per claimed course; 409 VERSION_CONFLICT when someone acted first. */
  decideApplication: (applicationId: string, body: { decisions: CourseDecisionInput[]; version: number }) =>
    call<StaffApplicationSummary>('POST', `/api/staff/applications/${id(applicationId)}/decision`, { body }),
  /** `exportApplications`: the CSV's address (a plain GET with the cookie, so a download link works). */
  exportUrl: (pointId: string) => `/api/staff/applications-export?pointId=${id(pointId)}`,

  /** `listIdentityReviews`: a point's candidates waiting for manual identity review, oldest first. */
  listIdentityReviews: (
    query: { pointId: string; cursor?: string | undefined; limit?: number },
    signal?: AbortSignal,
  ) =>
    call<Page<IdentityReviewItem>>('GET', '/api/staff/identity-reviews', {
      signal,
      query: { ...query, limit: query.limit ?? 10 },
    }),
  /** `getStaffIdentityPhoto`: a 5-minute URL of one identity photo. */
  identityPhoto: (candidateId: string, slot: IdentitySlot, signal?: AbortSignal) =>
    call<{ url: string; expiresAt: string }>('GET', `/api/staff/identity-reviews/${id(candidateId)}/photos/${slot}`, {
      signal,
    }),
  /** `decideIdentity`: 通过, or 不通过 with a reason (and optionally which photo). */
  decideIdentity: (
    candidateId: string,
    body: { verdict: 'verified' | 'rejected'; reason?: string; slot?: IdentitySlot; version: number },
  ) => call<IdentityReviewItem>('POST', `/api/staff/identity-reviews/${id(candidateId)}/decision`, { body }),

  // ── Admin (省级管理员) ─────────────────────────────────────────────────────────────────────────
  /** `listStaff`: every staff account, by username. */
  listStaff: (signal?: AbortSignal) => call<{ items: StaffAccountView[] }>('GET', '/api/admin/staff', { signal }),
  /** `createStaff`: 409 ALREADY_EXISTS for a taken username; 400 with field messages. */
  createStaff: (body: {
    username: string;
    displayName: string;
    role: 'staff' | 'admin';
    points: string[];
    password: string;
  }) => call<StaffAccountView>('POST', '/api/admin/staff', { body }),
  /** `updateStaff`: any subset of the fields; 409 VERSION_CONFLICT when another admin changed it first. */
  updateStaff: (
    username: string,
    body: {
      displayName?: string;
      role?: 'staff' | 'admin';
      points?: string[];
      disabled?: boolean;
      password?: string;
      version: number;
    },
  ) => call<StaffAccountView>('PATCH', `/api/admin/staff/${id(username)}`, { body }),
  /** `importRoster`: the CSV's text; good rows are saved, bad rows reported. */
  importRoster: (csv: string) =>
    call<RosterImportView>('POST', '/api/admin/roster', { body: { csv }, timeoutMs: 60_000 }),
  /** `setApplicationWindow`: ISO instants with an offset. */
  setWindow: (body: { opensAt: string; closesAt: string; newPeriod?: boolean }) =>
    call<WindowView>('PUT', '/api/admin/window', { body }),
  /** `listNotices` (public): the newest notices. */
  listNotices: (signal?: AbortSignal) => call<{ items: NoticeView[] }>('GET', '/api/notices', { signal }),
  /** `publishNotice`. */
  publishNotice: (body: { title: string; body: string }) => call<NoticeView>('POST', '/api/admin/notices', { body }),
  /** `importCatalog`: refused with every problem in `fields` (path → message) when invalid. */
  importCatalog: (catalog: unknown) =>
    call<CatalogImportView>('PUT', '/api/admin/catalog', { body: { catalog }, timeoutMs: 60_000 }),
};
