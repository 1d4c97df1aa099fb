/** DTO mappers for applications (SPEC §2.2): the API never returns stored items or photo keys. */
import type { z } from 'zod';
import type { ApplicationView, ReviewResultsView } from '../domain/application/api.js';
import {
  APPLICATION_STATUS_TEXT,
  applicationStatusText,
  canReapply,
  missingForSubmission,
  type Application,
} from '../domain/application/application.js';
import type { Catalog } from '../domain/catalog/schema.js';
import { maskIdNumber } from '../domain/identity/id-number.js';

/** Photo count a certificate type needs (1 when the type is unknown to the catalog). */
export function photoCountOf(catalog: Catalog): (typeId: string) => number {
  return (typeId) => catalog.certificateTypes.find((t) => t.id === typeId)?.photoCount ?? 1;
}

/**
 * The application as its candidate sees it (ID number masked).
 * @param windowOpen whether the application window is open now (a draft is editable only then)
 */
export function toApplicationView(
  app: Application,
  catalog: Catalog,
  windowOpen: boolean,
): z.infer<typeof ApplicationView> {
  const courseName = new Map(catalog.courses.map((c) => [c.code, c.name]));
  const typeName = new Map(catalog.certificateTypes.map((t) => [t.id, t.name]));
  const point = app.pointId ? catalog.confirmationPoints.find((p) => p.id === app.pointId) : undefined;
  return {
    applicationId: app.applicationId,
    applicationNumber: app.applicationNumber ?? null,
    status: app.status,
    statusText: applicationStatusText(app),
    attempt: app.attempt,
    canReapply: canReapply(app) && windowOpen,
    editable: app.status === 'draft' && windowOpen,
    applicant: {
      name: app.applicant.name,
      idNumber: maskIdNumber(app.applicant.idNumber),
      ticketNumber: app.applicant.ticketNumber,
      gender: app.applicant.gender === 'male' ? '男' : '女',
    },
    point: point ? { id: point.id, name: point.name } : null,
    majors: app.majors.map((code) => {
      const m = catalog.majors.find((x) => x.code === code);
      return { code, name: m?.name ?? '', level: m?.level ?? '' };
    }),
    certificates: app.certificates.map((c) => ({
      certificateId: c.certificateId,
      certificateTypeId: c.certificateTypeId,
      certificateTypeName: typeName.get(c.certificateTypeId) ?? c.certificateTypeId,
      examTime: c.examTime,
      subject: c.subject,
      certificateNumber: c.certificateNumber,
      courses: c.courses.map((code) => ({ code, name: courseName.get(code) ?? '' })),
      photos: c.photos.map((p) => ({ photoId: p.photoId, width: p.width, height: p.height })),
    })),
    returnReason: app.returnReason ?? null,
    returnedAt: app.returnedAt ?? null,
    submittedAt: app.submittedAt ?? null,
    decidedAt: app.decidedAt ?? null,
    missing: app.status === 'draft' ? missingForSubmission(app, photoCountOf(catalog)) : [],
    version: app.version,
  };
}

const VERDICT_TEXT = { approved: '审核通过（准予免考）', rejected: '审核不通过', pending: '待审核' } as const;

/** Per-course review results (免考审核结果查询); `pending` until staff decide. */
export function toReviewResults(app: Application, catalog: Catalog): z.infer<typeof ReviewResultsView> {
  const courseName = new Map(catalog.courses.map((c) => [c.code, c.name]));
  const typeName = new Map(catalog.certificateTypes.map((t) => [t.id, t.name]));
  const decisions = new Map((app.decisions ?? []).map((d) => [d.course, d]));
  return {
    applicationNumber: app.applicationNumber ?? null,
    status: app.status,
    statusText: APPLICATION_STATUS_TEXT[app.status],
    decidedAt: app.decidedAt ?? null,
    results: app.certificates.flatMap((c) =>
      c.courses.map((code) => {
        const d = app.status === 'decided' ? decisions.get(code) : undefined;
        const verdict = d?.verdict ?? 'pending';
        return {
          code,
          name: courseName.get(code) ?? '',
          certificateTypeName: typeName.get(c.certificateTypeId) ?? c.certificateTypeId,
          verdict,
          verdictText: VERDICT_TEXT[verdict],
          reason: d?.reason ?? null,
        };
      }),
    ),
  };
}
