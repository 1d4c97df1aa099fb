/**
 * The exemption rule engine (SPEC §2.2 step 2, `shared/catalog-reference.md`): which courses a
 * certificate can exempt for the chosen majors, under the rules in force on a date. Rules are catalog
 * data; this module only evaluates them.
 */
import type { Catalog, Course, ExemptionRule } from '../catalog/schema.js';

/** An exemptable course with how the rule lets it be claimed. */
export interface ExemptableCourse {
  readonly code: string;
  readonly name: string;
  readonly practical: boolean;
  /** For a practical course: its theory course. */
  readonly theoryCode?: string;
  /** True when some matching rule lets this practical course be claimed without its theory course. */
  readonly practicalAlone: boolean;
  /** Ids of the rules that allow it. */
  readonly ruleIds: readonly string[];
}

/** Rules in force on `date` (ISO `YYYY-MM-DD`, inclusive bounds). */
export function rulesInForce(catalog: Catalog, date: string): ExemptionRule[] {
  return catalog.exemptionRules.filter((r) => r.effectiveFrom <= date && (!r.effectiveTo || date <= r.effectiveTo));
}

/** The union of the plans of `majorCodes`, as a set of course codes. */
export function planCourses(catalog: Catalog, majorCodes: readonly string[]): Set<string> {
  const set = new Set<string>();
  for (const m of catalog.majors) if (majorCodes.includes(m.code)) for (const c of m.planCourses) set.add(c);
  return set;
}

/**
 * Courses that a certificate of `certificateTypeId` with `subject` can exempt **and** that belong to a
 * chosen major's plan, under the rules in force on `date`; in the catalog's course order.
 */
export function exemptableCourses(
  catalog: Catalog,
  input: { certificateTypeId: string; subject: string; majorCodes: readonly string[]; date: string },
): ExemptableCourse[] {
  const plan = planCourses(catalog, input.majorCodes);
  const allowed = new Map<string, { alone: boolean; rules: string[] }>();
  for (const rule of rulesInForce(catalog, input.date)) {
    if (rule.certificateTypeId !== input.certificateTypeId) continue;
    if (rule.subjects.length > 0 && !rule.subjects.includes(input.subject)) continue;
    const codes = rule.anyPlanCourse ? [...plan] : rule.courses.filter((c) => plan.has(c));
    for (const code of codes) {
      const entry = allowed.get(code) ?? { alone: false, rules: [] };
      entry.alone ||= rule.allowPracticalAlone;
      entry.rules.push(rule.id);
      allowed.set(code, entry);
    }
  }
  return catalog.courses
    .filter((c: Course) => allowed.has(c.code))
    .map((c) => ({
      code: c.code,
      name: c.name,
      practical: c.practical,
      ...(c.theoryCode ? { theoryCode: c.theoryCode } : {}),
      practicalAlone: allowed.get(c.code)!.alone,
      ruleIds: allowed.get(c.code)!.rules,
    }));
}

/**
 * Checks the courses claimed with one certificate.
 * @param claimedElsewhere course codes already claimed by the application's other certificates
 * @returns field errors keyed `courses` (Chinese), empty when the claim is sound
 */
export function checkClaimedCourses(
  catalog: Catalog,
  input: {
    certificateTypeId: string;
    subject: string;
    majorCodes: readonly string[];
    date: string;
    courses: readonly string[];
  },
  claimedElsewhere: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const exemptable = new Map(exemptableCourses(catalog, input).map((c) => [c.code, c]));
  const plan = planCourses(catalog, input.majorCodes);
  const names = new Map(catalog.courses.map((c) => [c.code, c.name]));
  const label = (code: string) => `${code}${names.get(code) ?? ''}`;
  const seen = new Set<string>();
  for (const code of input.courses) {
    if (seen.has(code)) {
      problems.push(`课程 ${label(code)} 重复选择`);
      continue;
    }
    seen.add(code);
    if (claimedElsewhere.has(code)) problems.push(`课程 ${label(code)} 已用其他证书申请免考，同一课程不能重复申请`);
    else if (!plan.has(code)) problems.push(`课程 ${label(code)} 不属于所选专业的考试计划`);
    else if (!exemptable.has(code)) problems.push(`课程 ${label(code)} 不能使用该证书申请免考`);
  }
  for (const code of seen) {
    const course = exemptable.get(code);
    if (!course?.practical || course.practicalAlone || !course.theoryCode) continue;
    if (!seen.has(course.theoryCode) && !claimedElsewhere.has(course.theoryCode)) {
      problems.push(`实践课程 ${label(code)} 须与理论课程 ${label(course.theoryCode)} 一同申请免考`);
    }
  }
  return problems;
}
