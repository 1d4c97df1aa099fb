/**
 * Staff use cases on applications (SPEC §2.3): return with a reason (enables the one
 * re-application), and per-course decisions that complete the review. Staff act only on applications
 * of their confirmation points (others: 404); two staff acting at once → one wins, the other 409.
 */
import type { z } from 'zod';
import {
  APPLICATION_STATUS_TEXT,
  applicationStatusText,
  claimedCourses,
  decided,
  returned,
  type Application,
  type CourseDecision,
} from '../domain/application/application.js';
import type {
  DecideBody,
  ListQuery,
  ReturnBody,
  StaffApplicationDetail,
  StaffApplicationSummary,
} from '../domain/application/staff-api.js';
import { SLOT_NAMES, type IdentitySlot } from '../domain/identity/candidate.js';
import { maskIdNumber } from '../domain/identity/id-number.js';
import { AppError } from '../domain/errors.js';
import type { StaffSession } from '../domain/session.js';
import { assertPointAccess } from '../domain/staff/staff.js';
import { IDENTITY_STATUS_TEXT } from './candidate-views.js';
import { PRESIGN_SECONDS } from './photo-uploads.js';
import type {
  ApplicationStore,
  AuditEntry,
  AuditStore,
  CandidateStore,
  CatalogStore,
  Clock,
  PhotoStorage,
} from './ports.js';

/**
 * Loads an application the session may act on.
 * @throws AppError NOT_FOUND (absent, a draft, or another point's)
 */
export async function loadForStaff(
  applications: ApplicationStore,
  session: StaffSession,
  applicationId: string,
): Promise<Application> {
  const app = await applications.get(applicationId);
  // Drafts are the candidate's own business until submitted.
  if (!app || !app.submittedAt || !app.pointId) throw new AppError('NOT_FOUND', '申请不存在。');
  assertPointAccess(session, app.pointId);
  return app;
}

function staffAudit(
  app: Application,
  session: StaffSession,
  action: string,
  at: string,
  before: unknown,
  after: unknown,
  note?: string,
): AuditEntry {
  return {
    entityType: 'application',
    entityId: app.applicationId,
    action,
    actor: { kind: 'staff', id: session.staffId },
    at,
    before,
    after,
    ...(note ? { note } : {}),
  };
}

function assertSeen(app: Application, version: number): void {
  if (app.version !== version) {
    throw new AppError(
      'VERSION_CONFLICT',
      '该申请已被更新（可能已被其他工作人员处理或考生已重新申请），请刷新后查看当前状态。',
      {
        details: { status: app.status, version: app.version },
      },
    );
  }
}

/**
 * Returns a submitted application with a reason (被退回，退回原因：…).
 * @throws AppError NOT_FOUND, INVALID_STATE, VERSION_CONFLICT
 */
export function makeReturnApplication(deps: { applications: ApplicationStore; clock: Clock }) {
  return async (
    session: StaffSession,
    applicationId: string,
    input: z.infer<typeof ReturnBody>,
  ): Promise<Application> => {
    const app = await loadForStaff(deps.applications, session, applicationId);
    assertSeen(app, input.version);
    const at = new Date(deps.clock.now()).toISOString();
    const updated = returned(app, input.reason, session.staffId, at);
    await deps.applications.update(updated, [
      staffAudit(
        app,
        session,
        'application.returned',
        at,
        { status: app.status, attempt: app.attempt },
        { status: updated.status },
        input.reason,
      ),
    ]);
    return updated;
  };
}

/**
 * Records per-course decisions (approved / rejected + reason); completes the review.
 * @throws AppError NOT_FOUND, INVALID_STATE, VALIDATION_FAILED, VERSION_CONFLICT
 */
export function makeDecideApplication(deps: { applications: ApplicationStore; clock: Clock }) {
  return async (
    session: StaffSession,
    applicationId: string,
    input: z.infer<typeof DecideBody>,
  ): Promise<Application> => {
    const app = await loadForStaff(deps.applications, session, applicationId);
    assertSeen(app, input.version);
    const at = new Date(deps.clock.now()).toISOString();
    const decisions: CourseDecision[] = input.decisions.map((d) => ({
      course: d.course,
      verdict: d.verdict,
      ...(d.reason ? { reason: d.reason } : {}),
    }));
    const updated = decided(app, decisions, session.staffId, at);
    await deps.applications.update(updated, [
      staffAudit(app, session, 'application.decided', at, { status: app.status }, { status: 'decided', decisions }),
    ]);
    return updated;
  };
}

/** A queue row (ID number masked). */
export function toStaffSummary(app: Application): z.infer<typeof StaffApplicationSummary> {
  return {
    applicationId: app.applicationId,
    applicationNumber: app.applicationNumber ?? null,
    status: app.status,
    statusText: applicationStatusText(app),
    attempt: app.attempt,
    name: app.applicant.name,
    idNumber: maskIdNumber(app.applicant.idNumber),
    ticketNumber: app.applicant.ticketNumber,
    pointId: app.pointId ?? '',
    majors: [...app.majors],
    courseCount: claimedCourses(app).size,
    submittedAt: app.submittedAt ?? null,
    version: app.version,
  };
}

/**
 * `listApplications`: a point's submitted applications, filtered by status and major, newest or
 * oldest first, a full page at a time with an opaque cursor.
 * @throws AppError NOT_FOUND (point outside the session's scope), BAD_REQUEST (cursor)
 */
export function makeListApplications(deps: { applications: ApplicationStore }) {
  return async (session: StaffSession, query: z.infer<typeof ListQuery>) => {
    assertPointAccess(session, query.pointId);
    const page = await deps.applications.list({
      pointId: query.pointId,
      order: query.order,
      limit: query.limit,
      ...(query.status ? { status: query.status } : {}),
      ...(query.major ? { major: query.major } : {}),
      ...(query.cursor ? { cursor: query.cursor } : {}),
    });
    return { items: page.items.map(toStaffSummary), cursor: page.cursor ?? null };
  };
}

/** Ports of the staff detail view. */
export interface StaffDetailDeps {
  readonly applications: ApplicationStore;
  readonly candidates: CandidateStore;
  readonly catalogs: CatalogStore;
  readonly photos: PhotoStorage;
  readonly audit: AuditStore;
}

/**
 * `getStaffApplication`: everything entered, every photo through 5-minute URLs, the identity result
 * with similarity evidence, the attempt count and the audit trail (application and identity).
 * @throws AppError NOT_FOUND
 */
export function makeGetStaffApplication(deps: StaffDetailDeps) {
  return async (session: StaffSession, applicationId: string): Promise<z.infer<typeof StaffApplicationDetail>> => {
    const app = await loadForStaff(deps.applications, session, applicationId);
    const [catalog, candidate, appAudit, identityAudit] = await Promise.all([
      deps.catalogs.getCatalog(),
      deps.candidates.get(app.candidateId),
      deps.audit.list('application', app.applicationId),
      deps.audit.list('candidate', app.candidateId),
    ]);
    const url = (key: string) => deps.photos.presignDownload(key, PRESIGN_SECONDS);
    const courseName = new Map(catalog.courses.map((c) => [c.code, c.name]));
    const typeName = new Map(catalog.certificateTypes.map((t) => [t.id, t.name]));
    const point = catalog.confirmationPoints.find((p) => p.id === app.pointId);
    const identity = candidate?.identity;
    const identityPhotos = await Promise.all(
      Object.entries(identity?.photos ?? {}).map(async ([slot, p]) => ({
        slot,
        name: SLOT_NAMES[slot as IdentitySlot],
        url: await url(p.key),
      })),
    );
    const certificates = await Promise.all(
      app.certificates.map(async (c) => ({
        certificateId: c.certificateId,
        certificateTypeName: typeName.get(c.certificateTypeId) ?? c.certificateTypeId,
        examTime: c.examTime,
        subject: c.subject,
        certificateNumber: c.certificateNumber,
        courses: c.courses.map((code) => ({ code, name: courseName.get(code) ?? '' })),
        photos: await Promise.all(
          c.photos.map(async (p) => ({ photoId: p.photoId, width: p.width, height: p.height, url: await url(p.key) })),
        ),
      })),
    );
    const identityEntries = identityAudit.filter((e) => e.action.startsWith('identity.'));
    return {
      ...toStaffSummary(app),
      applicant: {
        name: app.applicant.name,
        idNumber: app.applicant.idNumber,
        ticketNumber: app.applicant.ticketNumber,
        gender: app.applicant.gender === 'male' ? '男' : '女',
        mobile: app.applicant.mobile,
      },
      point: { id: app.pointId!, name: point?.name ?? app.pointId! },
      majorDetails: app.majors.map((code) => {
        const m = catalog.majors.find((x) => x.code === code);
        return { code, name: m?.name ?? '', level: m?.level ?? '' };
      }),
      certificates,
      identity: {
        status: identity?.status ?? 'photos_required',
        statusText: identity ? IDENTITY_STATUS_TEXT[identity.status] : '',
        manualReason: identity?.manualReason ?? null,
        decidedBy: identity?.decidedBy ?? null,
        decidedAt: identity?.decidedAt ?? null,
        comparisons: (identity?.evidence?.comparisons ?? []).map((e) => ({
          source: e.source,
          target: e.target,
          similarity: e.similarity,
          outcome: e.outcome,
        })),
        threshold: identity?.evidence?.threshold ?? null,
        photos: identityPhotos,
      },
      returnReason: app.returnReason ?? null,
      returnedAt: app.returnedAt ?? null,
      returnedBy: app.returnedBy ?? null,
      decisions: (app.decisions ?? []).map((d) => ({ course: d.course, verdict: d.verdict, reason: d.reason ?? null })),
      decidedAt: app.decidedAt ?? null,
      decidedBy: app.decidedBy ?? null,
      canReturn: app.status === 'submitted',
      canDecide: app.status === 'submitted' || app.status === 'returned',
      audit: [...appAudit, ...identityEntries]
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((e) => ({
          at: e.at,
          actor: e.actor,
          action: e.action,
          ...(e.before !== undefined ? { before: e.before } : {}),
          ...(e.after !== undefined ? { after: e.after } : {}),
          ...(e.note ? { note: e.note } : {}),
        })),
    };
  };
}

const CSV_HEADER = [
  '申请编号',
  '姓名',
  '身份证号',
  '准考证号',
  '性别',
  '手机号',
  '免考确认点',
  '申请专业',
  '证书',
  '考试时间',
  '考试科目',
  '证书编号',
  '课程代码',
  '课程名称',
  '申请状态',
  '申请次数',
  '审核结果',
  '审核原因',
  '提交时间',
];

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with = + - @
 * or a carriage return: CSV injection, OWASP) is prefixed with an apostrophe so it shows as text; the
 * tab-prefixed digit cells of {@link asText} are ours and hold digits only.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** `YYYY-MM-DD HH:mm:ss` in Beijing time (UTC+8), as staff read times. */
function beijingDateTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * Long digit strings as text: a leading tab makes Excel (and WPS) keep every digit of an 18-digit ID
 * number instead of turning it into 1.40102E+17; a plain CSV reader sees the value after trimming.
 */
function asText(digits: string): string {
  return `\t${digits}`;
}

/**
 * `exportApplications`: a point's submitted applications as CSV — UTF-8 with BOM (so Excel opens it in
 * Chinese), one row per claimed course, ID and ticket numbers as text, CRLF line ends (RFC 4180).
 * The export itself is audited.
 * @throws AppError NOT_FOUND (point outside the session's scope)
 */
export function makeExportApplications(deps: {
  applications: ApplicationStore;
  catalogs: CatalogStore;
  audit: AuditStore;
  clock: Clock;
}) {
  return async (session: StaffSession, pointId: string): Promise<string> => {
    assertPointAccess(session, pointId);
    const catalog = await deps.catalogs.getCatalog();
    const courseName = new Map(catalog.courses.map((c) => [c.code, c.name]));
    const typeName = new Map(catalog.certificateTypes.map((t) => [t.id, t.name]));
    const majorName = new Map(catalog.majors.map((m) => [m.code, `${m.code}${m.name}(${m.level})`]));
    const pointName = catalog.confirmationPoints.find((p) => p.id === pointId)?.name ?? pointId;
    const rows: string[][] = [CSV_HEADER];
    let cursor: string | undefined;
    do {
      const page = await deps.applications.list({ pointId, order: 'asc', limit: 100, ...(cursor ? { cursor } : {}) });
      for (const app of page.items) {
        const decisions = new Map((app.decisions ?? []).map((d) => [d.course, d]));
        for (const c of app.certificates) {
          for (const code of c.courses) {
            const d = app.status === 'decided' ? decisions.get(code) : undefined;
            rows.push([
              app.applicationNumber ?? '',
              app.applicant.name,
              asText(app.applicant.idNumber),
              asText(app.applicant.ticketNumber),
              app.applicant.gender === 'male' ? '男' : '女',
              asText(app.applicant.mobile),
              pointName,
              app.majors.map((m) => majorName.get(m) ?? m).join('；'),
              typeName.get(c.certificateTypeId) ?? c.certificateTypeId,
              c.examTime,
              c.subject,
              c.certificateNumber,
              asText(code),
              courseName.get(code) ?? '',
              APPLICATION_STATUS_TEXT[app.status],
              String(app.attempt),
              d ? (d.verdict === 'approved' ? '通过' : '不通过') : '待审核',
              d?.reason ?? (app.status === 'returned' ? `退回：${app.returnReason ?? ''}` : ''),
              app.submittedAt ? beijingDateTime(app.submittedAt) : '',
            ]);
          }
        }
      }
      cursor = page.cursor;
    } while (cursor);
    // An export carries every applicant's ID number: who took it, and when, is part of the audit trail.
    await deps.audit.append({
      entityType: 'config',
      entityId: `export:${pointId}`,
      action: 'applications.exported',
      actor: { kind: 'staff', id: session.staffId },
      at: new Date(deps.clock.now()).toISOString(),
      after: { rows: rows.length - 1 },
    });
    return '\ufeff' + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
  };
}
