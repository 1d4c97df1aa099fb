/**
 * Request and response schemas of the application routes (SPEC §2.2). Inputs are `.strict()`: no
 * caller can set `status`, `attempt`, decisions or photo keys.
 */
import { z } from 'zod';
import { PhotoDeclaration } from '../photos.js';

const MajorCode = z.string().regex(/^[0-9A-Z]{6}$/, '专业代码格式不正确');
const CourseCode = z.string().regex(/^\d{5}$/, '课程代码应为5位数字');
/** An opaque id (32 hex characters). */
export const OpaqueId = z.string().regex(/^[a-f0-9]{32}$/, '编号格式不正确');
/** The version the caller saw (optimistic locking). */
export const Version = z.number({ error: '缺少版本号，请刷新页面后重试' }).int().positive();

/** `saveApplicationChoices` body: step 1 — confirmation point and one or two different majors. */
export const ChoicesBody = z
  .object({
    pointId: z.string().min(1, '请选择免考确认点').max(40),
    majors: z
      .array(MajorCode)
      .min(1, '请至少选择一个专业')
      .max(2, '最多选择两个专业')
      .refine((m) => new Set(m).size === m.length, '请选择两个不同的专业'),
    /** Absent when no application exists yet. */
    version: Version.optional(),
  })
  .strict();

/** `addCertificate` body: step 2 — one certificate with its details, exempt courses and photos. */
export const CertificateBody = z
  .object({
    certificateTypeId: z.string().min(1, '请选择证书').max(40),
    examTime: z.string().regex(/^(19[89]\d|20\d\d)-(0[1-9]|1[0-2])$/, '请选择考试时间（年月）'),
    subject: z.string().min(1, '请选择考试科目').max(60),
    certificateNumber: z
      .string()
      .trim()
      .min(1, '请填写证书编号')
      .max(40, '证书编号不超过40个字符')
      .regex(/^[A-Za-z0-9-]+$/, '证书编号只能包含字母、数字和“-”'),
    courses: z.array(CourseCode).min(1, '请选择免考课程').max(20),
    /** Completed certificate photos (from `completeCertificatePhotoUpload`), as many as the type needs. */
    photoIds: z.array(OpaqueId).min(1, '请上传证书照片').max(4),
    version: Version,
  })
  .strict();

/** Body of routes that only carry the version. */
export const VersionBody = z.object({ version: Version }).strict();

/** `createCertificatePhotoUpload` body. */
export const CertificatePhotoUploadBody = PhotoDeclaration.strict();

/** A completed certificate photo. */
export const CertificatePhotoView = z.object({
  photoId: z.string(),
  bytes: z.number(),
  width: z.number(),
  height: z.number(),
});

const CourseView = z.object({ code: z.string(), name: z.string() });

/** An application as the candidate (and, with more, staff) sees it. */
export const ApplicationView = z.object({
  applicationId: z.string(),
  applicationNumber: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'returned', 'decided']),
  statusText: z.string(),
  attempt: z.number(),
  canReapply: z.boolean(),
  /** True while the candidate may change it: a draft inside the window. */
  editable: z.boolean(),
  applicant: z.object({
    name: z.string(),
    idNumber: z.string(),
    ticketNumber: z.string(),
    gender: z.enum(['男', '女']),
  }),
  point: z.object({ id: z.string(), name: z.string() }).nullable(),
  majors: z.array(z.object({ code: z.string(), name: z.string(), level: z.string() })),
  certificates: z.array(
    z.object({
      certificateId: z.string(),
      certificateTypeId: z.string(),
      certificateTypeName: z.string(),
      examTime: z.string(),
      subject: z.string(),
      certificateNumber: z.string(),
      courses: z.array(CourseView),
      photos: z.array(z.object({ photoId: z.string(), width: z.number(), height: z.number() })),
    }),
  ),
  returnReason: z.string().nullable(),
  returnedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** What is still missing before submission. */
  missing: z.array(z.string()),
  version: z.number(),
});

/** `getApplication` answer: the application of the current window (null before step 1), and whether one may be written. */
export const MyApplicationView = z.object({
  application: ApplicationView.nullable(),
  window: z.object({ opensAt: z.string().nullable(), closesAt: z.string().nullable(), open: z.boolean() }),
  eligibility: z.object({ canApply: z.boolean(), reasons: z.array(z.string()) }),
});

/** `getReviewResults` answer: per course, approved or not, with the reason (免考审核结果查询). */
export const ReviewResultsView = z.object({
  applicationNumber: z.string().nullable(),
  status: z.enum(['draft', 'submitted', 'returned', 'decided']),
  statusText: z.string(),
  decidedAt: z.string().nullable(),
  results: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      certificateTypeName: z.string(),
      verdict: z.enum(['approved', 'rejected', 'pending']),
      verdictText: z.string(),
      reason: z.string().nullable(),
    }),
  ),
});
