/**
 * Candidate use cases of the exemption application (SPEC §2.2, seed §四–五): step 1 choices, step 2
 * certificates with photos, submission, re-application and the review-result query. Every write
 * checks eligibility (identity verified, ticket number, window open) and the version the caller saw.
 */
import type { z } from 'zod';
import type { CertificateBody, CertificatePhotoUploadBody, ChoicesBody } from '../domain/application/api.js';
import {
  assertEditable,
  claimedCourses,
  MAX_CERTIFICATES,
  missingForSubmission,
  reapplied,
  type Application,
  type CertificateClaim,
} from '../domain/application/application.js';
import { checkClaimedCourses } from '../domain/application/rules.js';
import type { Catalog } from '../domain/catalog/schema.js';
import { AppError } from '../domain/errors.js';
import { beijingDay, type Candidate } from '../domain/identity/candidate.js';
import { CERTIFICATE_PHOTO_RULES } from '../domain/photos.js';
import { isWindowOpen, windowIdOf } from '../domain/window.js';
import { applyBlockers } from './candidate-views.js';
import { photoCountOf, toApplicationView, toReviewResults } from './application-views.js';
import { PRESIGN_SECONDS, startUpload, finishUpload, pendingUpload, UPLOAD_RECORD_SECONDS } from './photo-uploads.js';
import type {
  ApplicationStore,
  ApplicationWindow,
  AuditEntry,
  CandidateStore,
  CatalogStore,
  Clock,
  Ids,
  PhotoStorage,
} from './ports.js';

/** Ports of the application use cases. */
export interface ApplicationDeps {
  readonly applications: ApplicationStore;
  readonly candidates: CandidateStore;
  readonly catalogs: CatalogStore;
  readonly photos: PhotoStorage;
  readonly clock: Clock;
  readonly ids: Ids;
}

interface Context {
  readonly candidate: Candidate;
  readonly catalog: Catalog;
  readonly window: ApplicationWindow | null;
  readonly windowId: string;
  readonly now: number;
}

async function context(deps: ApplicationDeps, candidateId: string): Promise<Context> {
  const [candidate, catalog, window] = await Promise.all([
    deps.candidates.get(candidateId),
    deps.catalogs.getCatalog(),
    deps.catalogs.getWindow(),
  ]);
  if (!candidate) throw new AppError('UNAUTHENTICATED', '账户不存在，请重新登录。');
  return { candidate, catalog, window, windowId: windowIdOf(window), now: deps.clock.now() };
}

/**
 * Throws unless the candidate may write an application now (SPEC §2.2: enrolled, verified, window open).
 * @throws AppError WINDOW_CLOSED, NOT_ELIGIBLE
 */
function assertCanWrite(ctx: Context): void {
  const reasons = applyBlockers(ctx.candidate, ctx.window, ctx.now);
  if (reasons.length === 0) return;
  if (reasons.length === 1 && !isWindowOpen(ctx.window, ctx.now)) {
    throw new AppError('WINDOW_CLOSED', '当前不在免考申请期间，申请信息只能查看，不能修改或提交。');
  }
  throw new AppError('NOT_ELIGIBLE', `暂不能申请免考：${reasons.join('；')}。`, { details: { reasons } });
}

async function currentApplication(deps: ApplicationDeps, ctx: Context): Promise<Application> {
  const app = await deps.applications.getForCandidate(ctx.candidate.candidateId, ctx.windowId);
  if (!app) throw new AppError('NOT_FOUND', '尚未开始本期免考申请，请先选择免考确认点和专业。');
  return app;
}

function assertVersion(app: Application, version: number | undefined): void {
  if (version === undefined) {
    throw new AppError('VALIDATION_FAILED', '缺少版本号，请刷新页面后重试。', { fields: { version: '必填' } });
  }
  if (version !== app.version)
    throw new AppError('VERSION_CONFLICT', '申请信息已被更新（可能在其他页面操作过），请刷新后重试。');
}

function audit(app: Application, action: string, at: string, before: unknown, after: unknown): AuditEntry {
  return {
    entityType: 'application',
    entityId: app.applicationId,
    action,
    actor: { kind: 'candidate', id: app.candidateId },
    at,
    before,
    after,
  };
}

function view(app: Application, ctx: Context) {
  return toApplicationView(app, ctx.catalog, isWindowOpen(ctx.window, ctx.now));
}

/** `getApplication`: the application of the current window (or null), the window and eligibility. */
export function makeGetMyApplication(deps: ApplicationDeps) {
  return async (candidateId: string) => {
    const ctx = await context(deps, candidateId);
    const app = await deps.applications.getForCandidate(candidateId, ctx.windowId);
    const reasons = applyBlockers(ctx.candidate, ctx.window, ctx.now);
    return {
      application: app ? view(app, ctx) : null,
      window: {
        opensAt: ctx.window?.opensAt ?? null,
        closesAt: ctx.window?.closesAt ?? null,
        open: isWindowOpen(ctx.window, ctx.now),
      },
      eligibility: { canApply: reasons.length === 0, reasons },
    };
  };
}

/**
 * Step 1 (`saveApplicationChoices`): confirmation point and one or two different majors. Creates the
 * draft on first save. A 停 major only for a candidate whose roster record has it (seed: 限老生申请).
 * Majors cannot change away from courses already claimed.
 * @throws AppError VALIDATION_FAILED, WINDOW_CLOSED, NOT_ELIGIBLE, INVALID_STATE, VERSION_CONFLICT
 */
export function makeSaveChoices(deps: ApplicationDeps) {
  return async (candidateId: string, input: z.infer<typeof ChoicesBody>) => {
    const ctx = await context(deps, candidateId);
    assertCanWrite(ctx);
    const fields: Record<string, string> = {};
    if (!ctx.catalog.confirmationPoints.some((p) => p.id === input.pointId)) fields.pointId = '请选择免考确认点';
    input.majors.forEach((code, i) => {
      const major = ctx.catalog.majors.find((m) => m.code === code);
      if (!major) fields[`majors.${i}`] = `专业 ${code} 不存在`;
      else if (major.discontinued && !ctx.candidate.rosterMajors.includes(code)) {
        fields[`majors.${i}`] = `${code}${major.name}为预停考专业，限已报考该专业的老生申请`;
      }
    });
    if (Object.keys(fields).length)
      throw new AppError('VALIDATION_FAILED', '请按提示修改专业或确认点的选择。', { fields });
    const at = new Date(ctx.now).toISOString();
    const existing = await deps.applications.getForCandidate(candidateId, ctx.windowId);
    if (!existing) {
      const c = ctx.candidate;
      const app: Application = {
        applicationId: deps.ids.newId(),
        candidateId,
        windowId: ctx.windowId,
        status: 'draft',
        attempt: 1,
        applicant: {
          name: c.profile.name,
          idNumber: c.idNumber,
          ticketNumber: c.ticketNumber!,
          gender: c.profile.gender,
          mobile: c.profile.mobile,
        },
        pointId: input.pointId,
        majors: [...input.majors],
        certificates: [],
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await deps.applications.create(app, [
        audit(app, 'application.choices', at, null, { pointId: app.pointId, majors: app.majors }),
      ]);
      return view(app, ctx);
    }
    assertEditable(existing);
    assertVersion(existing, input.version);
    const orphaned = [...claimedCourses(existing)].filter(
      (code) => !ctx.catalog.majors.some((m) => input.majors.includes(m.code) && m.planCourses.includes(code)),
    );
    if (orphaned.length) {
      throw new AppError(
        'INVALID_STATE',
        `已添加的证书中有课程（${orphaned.join('、')}）不属于新选择的专业，请先删除相关证书再更换专业。`,
      );
    }
    const updated: Application = {
      ...existing,
      pointId: input.pointId,
      majors: [...input.majors],
      updatedAt: at,
      version: existing.version + 1,
    };
    await deps.applications.update(updated, [
      audit(
        existing,
        'application.choices',
        at,
        { pointId: existing.pointId, majors: existing.majors },
        { pointId: updated.pointId, majors: updated.majors },
      ),
    ]);
    return view(updated, ctx);
  };
}

/**
 * Step 2 (`addCertificate`): one certificate, its details, exempt courses and photos. Each course must
 * be exemptable by the certificate under the rules in force today and belong to a chosen major; no
 * course twice; a practical course with its theory course unless the rule says otherwise.
 * @throws AppError VALIDATION_FAILED (with `fields.courses`), INVALID_STATE, VERSION_CONFLICT, …
 */
export function makeAddCertificate(deps: ApplicationDeps) {
  return async (candidateId: string, input: z.infer<typeof CertificateBody>) => {
    const ctx = await context(deps, candidateId);
    assertCanWrite(ctx);
    const app = await currentApplication(deps, ctx);
    assertEditable(app);
    assertVersion(app, input.version);
    if (app.certificates.length >= MAX_CERTIFICATES)
      throw new AppError('INVALID_STATE', `最多可使用${MAX_CERTIFICATES}个证书申请免考。`);
    const fields: Record<string, string> = {};
    const type = ctx.catalog.certificateTypes.find((t) => t.id === input.certificateTypeId);
    if (!type) fields.certificateTypeId = '请选择证书';
    else if (!type.subjects.includes(input.subject)) fields.subject = '请选择该证书的考试科目';
    if (input.examTime > beijingDay(ctx.now).slice(0, 7)) fields.examTime = '考试时间不能晚于当前月份';
    if (type && input.photoIds.length !== type.photoCount) fields.photoIds = `该证书需上传${type.photoCount}张照片`;
    if (new Set(input.photoIds).size !== input.photoIds.length) fields.photoIds = '照片重复';
    const attached = new Set(app.certificates.flatMap((c) => c.photos.map((p) => p.photoId)));
    if (input.photoIds.some((id) => attached.has(id)))
      fields.photoIds = '该照片已用于其他证书，请为每个证书上传各自的照片';
    const photos = await Promise.all(input.photoIds.map((id) => deps.applications.getPhoto(candidateId, id, ctx.now)));
    if (photos.some((p) => !p)) fields.photoIds = '证书照片不存在或已过期，请重新上传';
    if (type && !fields.subject) {
      const problems = checkClaimedCourses(
        ctx.catalog,
        {
          certificateTypeId: type.id,
          subject: input.subject,
          majorCodes: app.majors,
          date: beijingDay(ctx.now),
          courses: input.courses,
        },
        claimedCourses(app),
      );
      if (problems.length) fields.courses = problems.join('；');
    }
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', '证书信息有误，请按提示修改。', { fields });
    const at = new Date(ctx.now).toISOString();
    const certificate: CertificateClaim = {
      certificateId: deps.ids.newId(),
      certificateTypeId: input.certificateTypeId,
      examTime: input.examTime,
      subject: input.subject,
      certificateNumber: input.certificateNumber,
      courses: [...input.courses],
      photos: photos.map((p) => ({
        photoId: p!.photoId,
        key: p!.key,
        bytes: p!.bytes,
        width: p!.width,
        height: p!.height,
        uploadedAt: p!.uploadedAt,
      })),
    };
    const updated: Application = {
      ...app,
      certificates: [...app.certificates, certificate],
      updatedAt: at,
      version: app.version + 1,
    };
    await deps.applications.update(updated, [
      audit(app, 'application.certificate.added', at, null, {
        certificateId: certificate.certificateId,
        type: certificate.certificateTypeId,
        courses: certificate.courses,
      }),
    ]);
    return view(updated, ctx);
  };
}

/**
 * `deleteCertificate` (删除课程): removes a certificate row so it can be added again.
 * @throws AppError NOT_FOUND, INVALID_STATE, VERSION_CONFLICT, …
 */
export function makeDeleteCertificate(deps: ApplicationDeps) {
  return async (candidateId: string, certificateId: string, version: number) => {
    const ctx = await context(deps, candidateId);
    assertCanWrite(ctx);
    const app = await currentApplication(deps, ctx);
    assertEditable(app);
    assertVersion(app, version);
    const removed = app.certificates.find((c) => c.certificateId === certificateId);
    if (!removed) throw new AppError('NOT_FOUND', '该证书不存在，可能已被删除。');
    const at = new Date(ctx.now).toISOString();
    const updated: Application = {
      ...app,
      certificates: app.certificates.filter((c) => c !== removed),
      updatedAt: at,
      version: app.version + 1,
    };
    await deps.applications.update(updated, [
      audit(
        app,
        'application.certificate.deleted',
        at,
        { certificateId, type: removed.certificateTypeId, courses: removed.courses },
        null,
      ),
    ]);
    return view(updated, ctx);
  };
}

/**
 * `createCertificatePhotoUpload`: a presigned PUT for a certificate photo (< 3 MB, checked again on
 * complete together with the > 800×600 resolution).
 */
export function makeCreateCertificatePhotoUpload(deps: ApplicationDeps) {
  return async (candidateId: string, input: z.infer<typeof CertificatePhotoUploadBody>) => {
    assertCanWrite(await context(deps, candidateId));
    return startUpload(deps, candidateId, {
      purpose: 'certificate',
      folder: 'certificates',
      contentType: input.contentType,
      contentLength: input.contentLength,
      rules: CERTIFICATE_PHOTO_RULES,
    });
  };
}

/**
 * `completeCertificatePhotoUpload`: re-checks the stored object (size, magic bytes, > 800×600) and keeps
 * it as a certificate photo the candidate can attach with `addCertificate`. A repeated call for a
 * photo already kept answers the same.
 * @throws AppError NOT_FOUND, PHOTO_REJECTED (with the reason)
 */
export function makeCompleteCertificatePhotoUpload(deps: ApplicationDeps) {
  return async (candidateId: string, uploadId: string) => {
    // Idempotent: a repeated call for a photo already kept answers the same.
    const kept = await deps.applications.getPhoto(candidateId, uploadId, deps.clock.now());
    if (kept) return { photoId: kept.photoId, bytes: kept.bytes, width: kept.width, height: kept.height };
    const upload = await pendingUpload(deps, candidateId, uploadId, (p) => p === 'certificate');
    const { key, stored } = await finishUpload(deps, upload, {
      folder: 'certificates',
      name: uploadId,
      rules: CERTIFICATE_PHOTO_RULES,
      label: '证书照片',
      field: 'photo',
    });
    const now = deps.clock.now();
    const photo = {
      photoId: uploadId,
      ownerId: candidateId,
      key,
      bytes: stored.bytes,
      width: stored.width,
      height: stored.height,
      uploadedAt: new Date(now).toISOString(),
      expiresAt: Math.floor(now / 1000) + UPLOAD_RECORD_SECONDS,
    };
    await deps.applications.putPhoto(photo);
    return { photoId: photo.photoId, bytes: photo.bytes, width: photo.width, height: photo.height };
  };
}

/**
 * `getCertificatePhoto` (查看照片): a short-lived URL of one of the candidate's own certificate photos,
 * attached to the current application or just uploaded.
 * @throws AppError NOT_FOUND
 */
export function makeGetCertificatePhoto(deps: ApplicationDeps) {
  return async (candidateId: string, photoId: string) => {
    const now = deps.clock.now();
    const window = await deps.catalogs.getWindow();
    const app = await deps.applications.getForCandidate(candidateId, windowIdOf(window));
    const attached = app?.certificates.flatMap((c) => c.photos).find((p) => p.photoId === photoId);
    const photo = attached ?? (await deps.applications.getPhoto(candidateId, photoId, now));
    if (!photo) throw new AppError('NOT_FOUND', '照片不存在。');
    const url = await deps.photos.presignDownload(photo.key, PRESIGN_SECONDS);
    return { url, expiresAt: new Date(now + PRESIGN_SECONDS * 1000).toISOString() };
  };
}

/**
 * Step 3 (`submitApplication`): submits a complete draft. Idempotent: a retried or double-clicked
 * submit answers with the same submitted application, never a second one.
 * @throws AppError INVALID_STATE (incomplete, with what is missing), VALIDATION_FAILED (a claim no
 *   longer valid under the rules in force), VERSION_CONFLICT, WINDOW_CLOSED, NOT_ELIGIBLE
 */
export function makeSubmitApplication(deps: ApplicationDeps) {
  return async (candidateId: string, version: number) => {
    const ctx = await context(deps, candidateId);
    const app = await currentApplication(deps, ctx);
    if (app.status === 'submitted' && app.version === version + 1) return view(app, ctx);
    assertCanWrite(ctx);
    assertEditable(app);
    assertVersion(app, version);
    const missing = missingForSubmission(app, photoCountOf(ctx.catalog));
    if (missing.length)
      throw new AppError('INVALID_STATE', `申请信息不完整：${missing.join('；')}。`, { details: { missing } });
    const fields: Record<string, string> = {};
    app.certificates.forEach((c, i) => {
      const problems = checkClaimedCourses(
        ctx.catalog,
        {
          certificateTypeId: c.certificateTypeId,
          subject: c.subject,
          majorCodes: app.majors,
          date: beijingDay(ctx.now),
          courses: c.courses,
        },
        claimedCourses(app, c.certificateId),
      );
      if (problems.length) fields[`certificates.${i}.courses`] = problems.join('；');
    });
    if (Object.keys(fields).length)
      throw new AppError('VALIDATION_FAILED', '部分免考课程不符合现行免考规则，请删除相关证书后重新添加。', { fields });
    const at = new Date(ctx.now).toISOString();
    const applicationNumber =
      app.applicationNumber ??
      `MK${ctx.windowId}${String(await deps.applications.nextNumber(ctx.windowId)).padStart(6, '0')}`;
    const updated: Application = {
      ...app,
      status: 'submitted',
      applicationNumber,
      submittedAt: at,
      updatedAt: at,
      version: app.version + 1,
    };
    try {
      await deps.applications.update(updated, [
        audit(app, 'application.submitted', at, { status: app.status }, { status: 'submitted', attempt: app.attempt }),
      ]);
    } catch (e) {
      // A parallel submit of the same version won: answer with its result (idempotent).
      const now = await deps.applications.get(app.applicationId);
      if (
        e instanceof AppError &&
        e.code === 'VERSION_CONFLICT' &&
        now?.status === 'submitted' &&
        now.version === version + 1
      )
        return view(now, ctx);
      throw e;
    }
    return view(updated, ctx);
  };
}

/**
 * `reapply` (重新申请): after a return, back to a draft with the previous content — once. The rule is
 * held by a database condition (`status = returned AND attempt = 1`), so two parallel calls cannot
 * both succeed.
 * @throws AppError REAPPLY_LIMIT_REACHED, INVALID_STATE, VERSION_CONFLICT, WINDOW_CLOSED
 */
export function makeReapply(deps: ApplicationDeps) {
  return async (candidateId: string, version: number) => {
    const ctx = await context(deps, candidateId);
    assertCanWrite(ctx);
    const app = await currentApplication(deps, ctx);
    assertVersion(app, version);
    const at = new Date(ctx.now).toISOString();
    const updated = reapplied(app, at);
    try {
      await deps.applications.update(
        updated,
        [
          audit(
            app,
            'application.reapplied',
            at,
            { status: app.status, attempt: app.attempt },
            { status: 'draft', attempt: 2 },
          ),
        ],
        {
          status: 'returned',
          attempt: 1,
        },
      );
    } catch (e) {
      const now = await deps.applications.get(app.applicationId);
      if (e instanceof AppError && e.code === 'VERSION_CONFLICT' && now?.attempt === 2) {
        throw new AppError('REAPPLY_LIMIT_REACHED', '重新申请机会仅限一次，您已使用过。');
      }
      throw e;
    }
    return view(updated, ctx);
  };
}

/**
 * `getReviewResults` (免考审核结果查询): per course, approved or not, with the reason.
 * @throws AppError NOT_FOUND when there is no submitted application
 */
export function makeGetReviewResults(deps: ApplicationDeps) {
  return async (candidateId: string) => {
    const ctx = await context(deps, candidateId);
    const app = await deps.applications.getForCandidate(candidateId, ctx.windowId);
    if (!app || !app.submittedAt) throw new AppError('NOT_FOUND', '暂无已提交的免考申请。');
    return toReviewResults(app, ctx.catalog);
  };
}
