/**
 * Cross-reference checks of a catalog that a schema alone cannot express: every code a major's plan
 * or a rule names exists, ids are unique, practical courses name an existing theory course. Used on the
 * shipped catalog (tests) and before an admin import replaces anything.
 */
import type { Catalog } from './schema.js';

/** Returns the problems found, as `path: message` strings in Chinese; empty when the catalog is sound. */
export function catalogProblems(catalog: Catalog): string[] {
  const problems: string[] = [];
  const courses = new Set<string>();
  for (const c of catalog.courses) {
    if (courses.has(c.code)) problems.push(`courses.${c.code}: 课程代码重复`);
    courses.add(c.code);
  }
  for (const c of catalog.courses) {
    if (c.practical && (!c.theoryCode || !courses.has(c.theoryCode)))
      problems.push(`courses.${c.code}: 实践课程须对应已有的理论课程`);
  }
  const majors = new Set<string>();
  for (const m of catalog.majors) {
    const key = `${m.level}:${m.code}`;
    if (majors.has(key)) problems.push(`majors.${m.code}: 专业代码重复`);
    majors.add(key);
    for (const code of m.planCourses)
      if (!courses.has(code)) problems.push(`majors.${m.code}.planCourses: 课程 ${code} 不存在`);
  }
  const points = new Set<string>();
  for (const p of catalog.confirmationPoints) {
    if (points.has(p.id)) problems.push(`confirmationPoints.${p.id}: 确认点编号重复`);
    points.add(p.id);
  }
  const types = new Map(catalog.certificateTypes.map((t) => [t.id, t]));
  if (types.size !== catalog.certificateTypes.length) problems.push('certificateTypes: 证书类型编号重复');
  const rules = new Set<string>();
  for (const r of catalog.exemptionRules) {
    if (rules.has(r.id)) problems.push(`exemptionRules.${r.id}: 规则编号重复`);
    rules.add(r.id);
    const type = types.get(r.certificateTypeId);
    if (!type) problems.push(`exemptionRules.${r.id}: 证书类型 ${r.certificateTypeId} 不存在`);
    for (const s of r.subjects)
      if (type && !type.subjects.includes(s)) problems.push(`exemptionRules.${r.id}: 考试科目 ${s} 不属于该证书类型`);
    for (const code of r.courses) if (!courses.has(code)) problems.push(`exemptionRules.${r.id}: 课程 ${code} 不存在`);
    if (!r.anyPlanCourse && r.courses.length === 0) problems.push(`exemptionRules.${r.id}: 未列出可免考课程`);
    if (r.effectiveTo && r.effectiveTo < r.effectiveFrom) problems.push(`exemptionRules.${r.id}: 失效日期早于生效日期`);
  }
  return problems;
}
