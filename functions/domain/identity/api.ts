/**
 * Request and response schemas of the candidate-account and identity routes. Input schemas are
 * `.strict()` (no caller can set `status`, `version` or `similarity`) and normalise what people type
 * (ID numbers, names, mobile numbers) with the rules of this folder, giving Chinese messages.
 */
import { z } from 'zod';
import { ID_NUMBER_MESSAGES, parseIdNumber } from './id-number.js';
import { checkName, checkPassword, NAME_MESSAGES, normalizeMobile, PASSWORD_MESSAGES } from './person.js';
import { EDUCATION_LEVELS, ETHNICITIES, HUKOU_TYPES, OCCUPATIONS, POLITICAL_STATUSES } from './profile-options.js';
import { PhotoDeclaration } from '../photos.js';
import { IDENTITY_SLOTS } from './candidate.js';

/** An ID number as typed → the normalised 18-character number. */
export const IdNumberInput = z
  .string()
  .max(40, '身份证号过长')
  .transform((value, ctx) => {
    const parsed = parseIdNumber(value);
    if (parsed.ok) return parsed.value.idNumber as string;
    ctx.addIssue({ code: 'custom', message: ID_NUMBER_MESSAGES[parsed.problem] });
    return z.NEVER;
  });

/** A name as typed → the normalised name. */
export const NameInput = z
  .string()
  .max(90, '姓名过长')
  .transform((value, ctx) => {
    const checked = checkName(value);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: 'custom', message: NAME_MESSAGES[checked.problem] });
    return z.NEVER;
  });

/** A mobile number as typed → 11 digits. */
export const MobileInput = z
  .string()
  .max(30, '手机号过长')
  .transform((value, ctx) => {
    const mobile = normalizeMobile(value);
    if (mobile) return mobile;
    ctx.addIssue({ code: 'custom', message: '请填写11位中国大陆手机号' });
    return z.NEVER;
  });

/** A new password, checked against the policy. */
export const NewPasswordInput = z
  .string()
  .max(256, '密码过长')
  .superRefine((value, ctx) => {
    const problem = checkPassword(value);
    if (problem) ctx.addIssue({ code: 'custom', message: PASSWORD_MESSAGES[problem] });
  });

const EmailInput = z
  .string()
  .trim()
  .max(100, '电子邮箱过长')
  .refine((v) => v === '' || z.email().safeParse(v).success, '电子邮箱格式不正确')
  .optional();

const choice = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z.enum(values, { error: `请选择${label}` });

/** `registerCandidate` body: 新考生 personal information and password. */
export const RegisterBody = z
  .object({
    idNumber: IdNumberInput,
    name: NameInput,
    password: NewPasswordInput,
    ethnicity: choice(ETHNICITIES as unknown as [string, ...string[]], '民族'),
    hukouType: choice(HUKOU_TYPES as unknown as [string, ...string[]], '户口性质'),
    education: choice(EDUCATION_LEVELS as unknown as [string, ...string[]], '文化程度'),
    occupation: choice(OCCUPATIONS as unknown as [string, ...string[]], '职业'),
    politicalStatus: choice(POLITICAL_STATUSES as unknown as [string, ...string[]], '政治面貌'),
    mobile: MobileInput,
    email: EmailInput,
    pointId: z.string().min(1, '请选择报名考区').max(40),
  })
  .strict();

/** `activateCandidate` body: 在籍考生 ID number + name (matched against the roster), password, mobile. */
export const ActivateBody = z
  .object({
    idNumber: IdNumberInput,
    name: NameInput,
    password: NewPasswordInput,
    mobile: MobileInput,
    email: EmailInput,
  })
  .strict();

/** `login` body: ID number or ticket number, and password. */
export const LoginBody = z
  .object({
    account: z.string().min(1, '请填写身份证号或准考证号').max(40, '账号过长'),
    password: z.string().min(1, '请填写密码').max(256, '密码过长'),
  })
  .strict();

/** `changePassword` body. */
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1, '请填写原密码').max(256), newPassword: NewPasswordInput })
  .strict();

/** An identity photo slot. */
export const SlotInput = z.enum(IDENTITY_SLOTS, { error: '照片类型不正确' });

/** `createIdentityPhotoUpload` body: which photo, its type and exact size in bytes. */
export const PhotoUploadBody = PhotoDeclaration.extend({ slot: SlotInput }).strict();

/** Answer of the create-upload routes. */
export const PhotoUploadView = z.object({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

/** Answer of the get-photo routes: a short-lived URL. */
export const PhotoUrlView = z.object({ url: z.string(), expiresAt: z.string() });

/** The identity state as the candidate sees it. */
export const IdentityView = z.object({
  status: z.enum(['photos_required', 'pending', 'verified', 'manual_review', 'photo_rejected']),
  statusText: z.string(),
  photos: z.array(
    z.object({
      slot: SlotInput,
      name: z.string(),
      uploaded: z.boolean(),
      uploadedAt: z.string().nullable(),
      width: z.number().nullable(),
      height: z.number().nullable(),
    }),
  ),
  rejection: z.object({ reason: z.string(), slot: SlotInput.nullable() }).nullable(),
  faceCompareEnabled: z.boolean(),
  autoChecksLeftToday: z.number(),
});

/** The candidate's own profile (ID number and mobile masked), identity state and eligibility. */
export const MeView = z.object({
  candidateId: z.string(),
  kind: z.enum(['new', 'enrolled']),
  name: z.string(),
  idNumber: z.string(),
  ticketNumber: z.string().nullable(),
  gender: z.enum(['男', '女']),
  birthDate: z.string(),
  ethnicity: z.string(),
  hukouType: z.string(),
  education: z.string(),
  occupation: z.string(),
  politicalStatus: z.string(),
  mobile: z.string(),
  email: z.string().nullable(),
  point: z.object({ id: z.string(), name: z.string() }).nullable(),
  identity: IdentityView,
  eligibility: z.object({ canApply: z.boolean(), reasons: z.array(z.string()) }),
});

/** Staff decision on a manual identity review. */
export const DecideIdentityBody = z
  .object({
    verdict: z.enum(['verified', 'rejected'], { error: '请选择审核结果' }),
    reason: z.string().trim().max(200, '原因不超过200字').optional(),
    slot: SlotInput.optional(),
    /** The version the staff member saw (optimistic locking). */
    version: z.number().int().positive(),
  })
  .strict()
  .refine((b) => b.verdict === 'verified' || (b.reason && b.reason.length > 0), {
    message: '不通过时请填写原因',
    path: ['reason'],
  });

/** One candidate in the staff identity-review queue. */
export const IdentityReviewItem = z.object({
  candidateId: z.string(),
  name: z.string(),
  idNumber: z.string(),
  kind: z.enum(['new', 'enrolled']),
  pointId: z.string(),
  submittedAt: z.string().nullable(),
  manualReason: z.string().nullable(),
  similarity: z.number().nullable(),
  version: z.number(),
});
