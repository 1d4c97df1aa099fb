/**
 * The exemption application (免考申请, SPEC §2.2, seed §四–五) and its status changes:
 * draft → submitted → (returned → draft [re-application, once] → submitted) → decided.
 * Pure rules; no AWS import. The one-re-application rule is also enforced by a database condition.
 */
import { AppError } from '../errors.js';

/** Status of an application. */
export type ApplicationStatus = 'draft' | 'submitted' | 'returned' | 'decided';

/** Chinese wording of each status (the seed's 考生免考申请状态). */
export const APPLICATION_STATUS_TEXT: Record<ApplicationStatus, string> = {
  draft: '填报中（未提交）',
  submitted: '已提交，待审核',
  returned: '被退回',
  decided: '审核完成',
};

/** The status as the candidate and staff read it; a return shows its reason (seed: 被退回（退回原因：…）). */
export function applicationStatusText(app: Pick<Application, 'status' | 'returnReason'>): string {
  return app.status === 'returned'
    ? `被退回（退回原因：${app.returnReason ?? ''}）`
    : APPLICATION_STATUS_TEXT[app.status];
}

/** A stored certificate photo. Sizes in bytes and pixels. */
export interface CertificatePhoto {
  readonly photoId: string;
  readonly key: string;
  readonly bytes: number;
  readonly width: number;
  readonly height: number;
  readonly uploadedAt: string;
}

/** One certificate row (证书) of an application, with the exempt courses claimed on it. */
export interface CertificateClaim {
  readonly certificateId: string;
  readonly certificateTypeId: string;
  /** 考试时间, `YYYY-MM`. */
  readonly examTime: string;
  /** 考试科目 / level, one of the type's subjects. */
  readonly subject: string;
  /** 证书编号. */
  readonly certificateNumber: string;
  /** 免考课程 codes. */
  readonly courses: readonly string[];
  readonly photos: readonly CertificatePhoto[];
}

/** A staff decision on one claimed course. */
export interface CourseDecision {
  readonly course: string;
  readonly verdict: 'approved' | 'rejected';
  readonly reason?: string;
}

/** What staff see of the candidate without reading the candidate item. */
export interface ApplicantSnapshot {
  readonly name: string;
  readonly idNumber: string;
  readonly ticketNumber: string;
  readonly gender: 'male' | 'female';
  readonly mobile: string;
}

/** An application as stored. One per candidate per application window. */
export interface Application {
  readonly applicationId: string;
  readonly candidateId: string;
  readonly windowId: string;
  /** Human-readable number printed on the detail page; assigned at the first submission. */
  readonly applicationNumber?: string;
  readonly status: ApplicationStatus;
  /** 1 for the first application, 2 after the one re-application. */
  readonly attempt: 1 | 2;
  readonly applicant: ApplicantSnapshot;
  readonly pointId: string | null;
  /** 1 or 2 different major codes. */
  readonly majors: readonly string[];
  readonly certificates: readonly CertificateClaim[];
  readonly returnReason?: string;
  readonly returnedAt?: string;
  readonly returnedBy?: string;
  readonly decisions?: readonly CourseDecision[];
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly submittedAt?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** At most four certificates (seed: 最多四个). */
export const MAX_CERTIFICATES = 4;
/** One or two different majors (seed: 两个不同专业). */
export const MAX_MAJORS = 2;

/** The courses claimed across all certificates of an application, optionally without one certificate. */
export function claimedCourses(app: Pick<Application, 'certificates'>, exceptCertificateId?: string): Set<string> {
  const set = new Set<string>();
  for (const c of app.certificates)
    if (c.certificateId !== exceptCertificateId) for (const code of c.courses) set.add(code);
  return set;
}

/**
 * Throws unless the application may be edited by the candidate now (a draft).
 * @throws AppError INVALID_STATE
 */
export function assertEditable(app: Application): void {
  if (app.status === 'draft') return;
  if (app.status === 'returned') throw new AppError('INVALID_STATE', '申请已被退回，请先点击“重新申请”再修改。');
  throw new AppError(
    'INVALID_STATE',
    '申请已提交，不能再修改；如发现填报有误，请携带身份证和申请信息详情页到免考确认点办理退回。',
  );
}

/**
 * What is still missing before submission (Chinese, empty when complete): a point, a major, a
 * certificate, and each certificate's photos.
 */
export function missingForSubmission(app: Application, photoCountOf: (certificateTypeId: string) => number): string[] {
  const missing: string[] = [];
  if (!app.pointId) missing.push('请选择免考确认点');
  if (app.majors.length === 0) missing.push('请选择免考申请专业');
  if (app.certificates.length === 0) missing.push('请至少添加一个证书');
  app.certificates.forEach((c, i) => {
    if (c.courses.length === 0) missing.push(`第${i + 1}个证书未选择免考课程`);
    if (c.photos.length < photoCountOf(c.certificateTypeId)) missing.push(`第${i + 1}个证书的照片未上传完整`);
  });
  return missing;
}

/** True when the candidate may still re-apply: returned on the first attempt (seed: 重新申请机会仅限一次). */
export function canReapply(app: Application): boolean {
  return app.status === 'returned' && app.attempt === 1;
}

/**
 * The application after a re-application: back to draft with the previous content, attempt 2.
 * @throws AppError REAPPLY_LIMIT_REACHED (already re-applied), INVALID_STATE (not returned)
 */
export function reapplied(app: Application, now: string): Application {
  if (app.status !== 'returned') throw new AppError('INVALID_STATE', '只有被退回的申请才能重新申请。');
  if (app.attempt !== 1)
    throw new AppError('REAPPLY_LIMIT_REACHED', '重新申请机会仅限一次，您已使用过，请等待确认点审核结果。');
  return { ...app, status: 'draft', attempt: 2, updatedAt: now, version: app.version + 1 };
}

/**
 * The application after staff return it with a reason (被退回，退回原因：…).
 * @throws AppError INVALID_STATE unless it is submitted
 */
export function returned(app: Application, reason: string, staffId: string, now: string): Application {
  if (app.status !== 'submitted') throw new AppError('INVALID_STATE', '只有已提交、待审核的申请才能退回。');
  return {
    ...app,
    status: 'returned',
    returnReason: reason,
    returnedAt: now,
    returnedBy: staffId,
    updatedAt: now,
    version: app.version + 1,
  };
}

/**
 * The application after staff decide every claimed course (approved / rejected + reason).
 * @throws AppError INVALID_STATE (not submitted or returned), VALIDATION_FAILED (a course missing,
 *   unknown or decided twice, or a rejection without reason)
 */
export function decided(
  app: Application,
  decisions: readonly CourseDecision[],
  staffId: string,
  now: string,
): Application {
  if (app.status !== 'submitted' && app.status !== 'returned') {
    throw new AppError('INVALID_STATE', app.status === 'decided' ? '该申请已审核完成。' : '申请尚未提交，不能审核。');
  }
  const claimed = claimedCourses(app);
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  decisions.forEach((d, i) => {
    if (!claimed.has(d.course)) fields[`decisions.${i}.course`] = `课程 ${d.course} 不在该申请中`;
    else if (seen.has(d.course)) fields[`decisions.${i}.course`] = `课程 ${d.course} 重复`;
    if (d.verdict === 'rejected' && !d.reason?.trim()) fields[`decisions.${i}.reason`] = '不通过时请填写原因';
    seen.add(d.course);
  });
  for (const code of claimed) if (!seen.has(code)) fields[`decisions.${code}`] = `请审核课程 ${code}`;
  if (Object.keys(fields).length)
    throw new AppError('VALIDATION_FAILED', '请对每门申请免考的课程给出审核结果。', { fields });
  return {
    ...app,
    status: 'decided',
    decisions: [...decisions],
    decidedAt: now,
    decidedBy: staffId,
    updatedAt: now,
    version: app.version + 1,
  };
}
