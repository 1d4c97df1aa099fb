/** Request and response schemas of the admin routes (省级管理员, SPEC §2.3). */
import { z } from 'zod';
import { Username } from '../staff/staff.js';

const Points = z.array(z.string().regex(/^[a-z0-9-]{2,40}$/, '确认点编号格式不正确')).max(20);
const Password = z.string().min(8, '密码长度应为8至64位').max(64, '密码长度应为8至64位');

/** `createStaff` body. */
export const CreateStaffBody = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1, '请填写姓名').max(30),
    role: z.enum(['staff', 'admin'], { error: '请选择角色' }),
    points: Points,
    password: Password,
  })
  .strict()
  .refine((b) => b.role === 'admin' || b.points.length > 0, {
    message: '工作人员至少负责一个确认点',
    path: ['points'],
  });

/** `updateStaff` body: any subset of the fields, and the version the admin saw. */
export const UpdateStaffBody = z
  .object({
    displayName: z.string().trim().min(1).max(30).optional(),
    role: z.enum(['staff', 'admin']).optional(),
    points: Points.optional(),
    disabled: z.boolean().optional(),
    password: Password.optional(),
    version: z.number().int().positive(),
  })
  .strict();

/** A staff account as admins see it (with its version for updates). */
export const StaffAccountView = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.enum(['staff', 'admin']),
  points: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number(),
});

/** `importRoster` body: the CSV text (UTF-8). */
export const RosterImportBody = z
  .object({
    csv: z
      .string()
      .min(1, '文件为空')
      .max(1024 * 1024, '文件过大，请分批导入'),
  })
  .strict();

/** `importRoster` answer: counts and the refused rows. */
export const RosterImportView = z.object({
  accepted: z.number(),
  rejected: z.array(z.object({ line: z.number(), reason: z.string() })),
});

const Instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `请填写${label}` }).refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year <= 2100;
  }, `${label}的年份应在2000至2100之间`);

/** `setApplicationWindow` body: ISO 8601 instants with an offset (e.g. `2026-12-01T09:00:00+08:00`). */
export const WindowBody = z
  .object({
    opensAt: Instant('开始时间'),
    closesAt: Instant('结束时间'),
    /** Start a new application period instead of changing the dates of the current one. */
    newPeriod: z.boolean().optional(),
  })
  .strict()
  .refine((w) => Date.parse(w.opensAt) < Date.parse(w.closesAt), {
    message: '结束时间应晚于开始时间',
    path: ['closesAt'],
  });

/** `publishNotice` body. */
export const NoticeBody = z
  .object({
    title: z.string().trim().min(1, '请填写标题').max(60, '标题不超过60字'),
    body: z.string().trim().min(1, '请填写内容').max(5000, '内容不超过5000字'),
  })
  .strict();

/** A published notice (通知公告). */
export const NoticeView = z.object({
  noticeId: z.string(),
  title: z.string(),
  body: z.string(),
  publishedAt: z.string(),
  /** Who published it: shown to staff only (the public list leaves it out). */
  publishedBy: z.string().optional(),
});

/** `importCatalog` body: the catalog JSON, validated by the use case. */
export const CatalogImportBody = z.object({ catalog: z.unknown() }).strict();

/** `importCatalog` answer. */
export const CatalogImportView = z.object({
  version: z.string(),
  majors: z.number(),
  courses: z.number(),
  certificateTypes: z.number(),
  exemptionRules: z.number(),
  confirmationPoints: z.number(),
});
