/**
 * Which courses the 免考课程 checkboxes offer: the server's own rule engine
 * (functions/domain/application/rules.ts — plain TypeScript over catalog data, no Node or AWS import)
 * run in the browser on the catalog from `GET /api/catalog`, so the page offers exactly what the server
 * will accept today. The server checks every claim again on `addCertificate`.
 */
import { exemptableCourses, type ExemptableCourse } from '../../../functions/domain/application/rules';
import type { ApplicationView, CatalogView } from '../api-types';

/** One checkbox of 免考课程. */
export interface CourseOption extends ExemptableCourse {
  /** True when another certificate of this application already claims it (同一课程不能重复申请). */
  readonly claimed: boolean;
}

/**
 * The courses a certificate of `certificateTypeId` with `subject` can exempt in the chosen majors'
 * plans, under the rules in force on `date`, marking those already claimed by the application.
 * @param date Beijing date `YYYY-MM-DD` (the server evaluates rules on its Beijing today).
 */
export function courseOptions(
  catalog: CatalogView,
  application: Pick<ApplicationView, 'majors' | 'certificates'>,
  input: { certificateTypeId: string; subject: string; date: string },
): CourseOption[] {
  const claimed = claimedCodes(application);
  return exemptableCourses(catalog, { ...input, majorCodes: application.majors.map((m) => m.code) }).map((course) => ({
    ...course,
    claimed: claimed.has(course.code),
  }));
}

/** The course codes already claimed by the application's certificates. */
export function claimedCodes(application: Pick<ApplicationView, 'certificates'>): Set<string> {
  return new Set(application.certificates.flatMap((c) => c.courses.map((course) => course.code)));
}

/**
 * Practical courses checked without their theory course where the rule does not allow that
 * (rules.ts `checkClaimedCourses`): shown as a hint under the checkboxes; the server has the last word.
 */
export function practicalWithoutTheory(
  options: readonly CourseOption[],
  checked: readonly string[],
  claimed: ReadonlySet<string>,
): CourseOption[] {
  const byCode = new Map(options.map((o) => [o.code, o]));
  return checked
    .map((code) => byCode.get(code))
    .filter(
      (o): o is CourseOption =>
        !!o &&
        o.practical &&
        !o.practicalAlone &&
        !!o.theoryCode &&
        !checked.includes(o.theoryCode) &&
        !claimed.has(o.theoryCode),
    );
}
