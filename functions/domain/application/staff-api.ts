/** Response schemas of the staff application routes (SPEC §2.3). */
import { z } from 'zod';
import { OpaqueId, Version } from './api.js';

/** One application in a staff queue (ID number masked). */
export const StaffApplicationSummary = z.object({
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'returned', 'decided']),
  statusText: z.string(),
  attempt: z.number(),
  name: z.string(),
  idNumber: z.string(),
  ticketNumber: z.string(),
  pointId: z.string(),
  majors: z.array(z.string()),
  courseCount: z.number(),
  submittedAt: z.string().nullable(),
  version: z.number(),
});

const PhotoWithUrl = z.object({ photoId: z.string(), width: z.number(), height: z.number(), url: z.string() });

/** One audit entry as shown on the detail page. */
export const AuditView = z.object({
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string() }),
  action: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  note: z.string().optional(),
});

/** Everything staff need to review an application. Photo URLs live 5 minutes. */
export const StaffApplicationDetail = StaffApplicationSummary.extend({
  applicant: z.object({
    name: z.string(),
    idNumber: z.string(),
    ticketNumber: z.string(),
    gender: z.enum(['男', '女']),
    mobile: z.string(),
  }),
  point: z.object({ id: z.string(), name: z.string() }),
  majorDetails: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  certificates: z.array(
    z.object({
      certificateId: z.string(),
      certificateTypeName: z.string(),
      examTime: z.string(),
      subject: z.string(),
      certificateNumber: z.string(),
      courses: z.array(z.object({ code: z.string(), name: z.string() })),
      photos: z.array(PhotoWithUrl),
    }),
  ),
  identity: z.object({
    status: z.string(),
    statusText: z.string(),
    manualReason: z.string().nullable(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    comparisons: z.array(
      z.object({ source: z.string(), target: z.string(), similarity: z.number().nullable(), outcome: z.string() }),
    ),
    threshold: z.number().nullable(),
    photos: z.array(z.object({ slot: z.string(), name: z.string(), url: z.string() })),
  }),
  returnReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnedBy: z.string().nullable(),
  decisions: z.array(
    z.object({ course: z.string(), verdict: z.enum(['approved', 'rejected']), reason: z.string().nullable() }),
  ),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  canReturn: z.boolean(),
  canDecide: z.boolean(),
  audit: z.array(AuditView),
});

/** `returnApplication` body. */
export const ReturnBody = z
  .object({ reason: z.string().trim().min(1, '请填写退回原因').max(200, '退回原因不超过200字'), version: Version })
  .strict();

/** `decideApplication` body: one decision per claimed course. */
export const DecideBody = z
  .object({
    decisions: z
      .array(
        z
          .object({
            course: z.string().regex(/^\d{5}$/, '课程代码应为5位数字'),
            verdict: z.enum(['approved', 'rejected'], { error: '请选择审核结果' }),
            reason: z.string().trim().max(200, '原因不超过200字').optional(),
          })
          .strict(),
      )
      .min(1, '请对每门课程给出审核结果')
      .max(40),
    version: Version,
  })
  .strict();

/** Path parameter of the staff application routes. */
export const ApplicationParams = z.object({ applicationId: OpaqueId }).strict();

/** Query of `listApplications`. */
export const ListQuery = z
  .object({
    pointId: z.string().regex(/^[a-z0-9-]{2,40}$/, '确认点编号格式不正确'),
    status: z.enum(['submitted', 'returned', 'decided'], { error: '状态不正确' }).optional(),
    major: z
      .string()
      .regex(/^[0-9A-Z]{6}$/, '专业代码格式不正确')
      .optional(),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1, '每页至少1条').max(100, '每页最多100条').default(20),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

/** Query of `exportApplications`. */
export const ExportQuery = z
  .object({ pointId: z.string().regex(/^[a-z0-9-]{2,40}$/, '确认点编号格式不正确') })
  .strict();
