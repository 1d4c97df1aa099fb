/**
 * The catalog: majors and their plans, courses, confirmation points, certificate types and the
 * exemption rules that link them. It is data (versioned, with province, effective dates and a source
 * note per rule — `shared/catalog-reference.md`), shipped as a default and replaceable by an admin
 * import; nothing here is an `if` in code.
 */
import { z } from 'zod';

/** A course code of the self-taught examination: five digits (e.g. `00018`). */
export const CourseCode = z.string().regex(/^\d{5}$/, '课程代码应为5位数字');

/** A course of the examination plan. A practical course (实践) names its theory course. */
export const Course = z
  .object({
    code: CourseCode,
    name: z.string().min(1).max(60),
    /** True for a practical (实践) course. */
    practical: z.boolean(),
    /** For a practical course: the theory course it goes with. */
    theoryCode: CourseCode.optional(),
  })
  .strict();
export type Course = z.infer<typeof Course>;

/** 专科 (associate) or 本科 (bachelor) level of a major. */
export const MajorLevel = z.enum(['专科', '本科']);
export type MajorLevel = z.infer<typeof MajorLevel>;

/** A major (专业) open to the public, with the course codes of its plan. */
export const Major = z
  .object({
    code: z.string().regex(/^[0-9A-Z]{6}$/, '专业代码应为6位'),
    name: z.string().min(1).max(40),
    level: MajorLevel,
    /** 停: being discontinued — only candidates whose roster record has this major may choose it. */
    discontinued: z.boolean(),
    /** Course codes of the major's plan. */
    planCourses: z.array(CourseCode).min(1),
    /** True when the plan is a sample shipped with the system, to be replaced by the real plan. */
    samplePlan: z.boolean(),
  })
  .strict();
export type Major = z.infer<typeof Major>;

/** A confirmation point (免考确认点) where staff check applications. */
export const ConfirmationPoint = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    name: z.string().min(1).max(40),
    address: z.string().max(120),
    phone: z.string().max(40),
  })
  .strict();
export type ConfirmationPoint = z.infer<typeof ConfirmationPoint>;

/** A certificate type from the seed's list, with the options its detail form offers. */
export const CertificateType = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,40}$/),
    /** The seed's wording, shown to candidates. */
    name: z.string().min(1).max(200),
    /** The choices of the "考试科目" (subject or level) field. */
    subjects: z.array(z.string().min(1).max(60)).min(1),
    /** How many photos the certificate needs (NIT 计算机应用基础 + another module: 2). */
    photoCount: z.number().int().min(1).max(4),
    /** Guidance shown beside the form. */
    hint: z.string().max(300),
  })
  .strict();
export type CertificateType = z.infer<typeof CertificateType>;

/**
 * One exemption rule: a certificate of a type, with one of `subjects`, exempts `courses`.
 * `anyPlanCourse` (the diploma rule) lets the candidate choose courses of a chosen major's plan,
 * which staff then check against the transcript.
 */
export const ExemptionRule = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{2,60}$/),
    certificateTypeId: z.string(),
    /** The subject/level values this rule applies to; empty = every subject of the type. */
    subjects: z.array(z.string()),
    courses: z.array(CourseCode),
    anyPlanCourse: z.boolean(),
    /** A practical course may be claimed without its theory course under this rule. */
    allowPracticalAlone: z.boolean(),
    province: z.string().min(1),
    /** ISO date (inclusive). */
    effectiveFrom: z.iso.date(),
    /** ISO date (inclusive); absent = no end. */
    effectiveTo: z.iso.date().optional(),
    /** Where the rule comes from; `default, verify` for rules from secondary sources. */
    source: z.string().min(1),
  })
  .strict();
export type ExemptionRule = z.infer<typeof ExemptionRule>;

/** The whole catalog, as shipped or imported. */
export const Catalog = z
  .object({
    version: z.string().min(1).max(40),
    province: z.string().min(1),
    source: z.string().min(1),
    courses: z.array(Course).min(1),
    majors: z.array(Major).min(1),
    confirmationPoints: z.array(ConfirmationPoint).min(1),
    certificateTypes: z.array(CertificateType).min(1),
    exemptionRules: z.array(ExemptionRule),
  })
  .strict();
export type Catalog = z.infer<typeof Catalog>;
