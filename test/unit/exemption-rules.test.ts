import { describe, expect, it } from 'vitest';
import { checkClaimedCourses, exemptableCourses, rulesInForce } from '../../functions/domain/application/rules.js';
import { defaultCatalog } from '../../functions/domain/catalog/default.js';
import type { Catalog } from '../../functions/domain/catalog/schema.js';

const catalog = defaultCatalog();
const DATE = '2026-11-30';
const codes = (input: Parameters<typeof exemptableCourses>[1]) => exemptableCourses(catalog, input).map((c) => c.code);

describe('exemptableCourses (default catalog)', () => {
  it('NCRE 一级 exempts 00018 + 00019 for 020203 会计 (专科), whose plan has them', () => {
    expect(
      codes({
        certificateTypeId: 'ncre-1',
        subject: '一级 计算机基础及MS Office应用',
        majorCodes: ['020203'],
        date: DATE,
      }),
    ).toEqual(['00018', '00019']);
  });

  it('NCRE 一级 exempts 02316 + 02317 for 080109 采矿工程, whose plan has the 计算机应用技术 pair instead', () => {
    expect(
      codes({
        certificateTypeId: 'ncre-1',
        subject: '一级 计算机基础及MS Office应用',
        majorCodes: ['080109'],
        date: DATE,
      }),
    ).toEqual(['02316', '02317']);
  });

  it('NCRE 二级 Java exempts only the Java pair for 080702 计算机及应用', () => {
    expect(
      codes({ certificateTypeId: 'ncre-2', subject: '二级 Java语言程序设计', majorCodes: ['080702'], date: DATE }),
    ).toEqual(['04747', '04748']);
  });

  it('NCRE 二级 C exempts 00342 + 00343, not the Java pair', () => {
    expect(
      codes({ certificateTypeId: 'ncre-2', subject: '二级 C语言程序设计', majorCodes: ['080702'], date: DATE }),
    ).toEqual(['00342', '00343']);
  });

  it('CET-4 exempts 英语(一) and 英语(二) across a 专科 and a 本科 major', () => {
    expect(
      codes({ certificateTypeId: 'cet-4', subject: '大学英语四级', majorCodes: ['030112', '020204'], date: DATE }),
    ).toEqual(['00012', '00015']);
  });

  it('a diploma lets every course of the chosen plan be claimed', () => {
    expect(
      codes({ certificateTypeId: 'diploma', subject: '本科毕业证书', majorCodes: ['040101'], date: DATE }),
    ).toEqual(['03706', '03707', '00012', '00018', '00019', '00882', '00398']);
  });

  it('ignores rules not yet in force or expired', () => {
    const dated: Catalog = {
      ...catalog,
      exemptionRules: catalog.exemptionRules.map((r) =>
        r.id === 'ncre1-basic'
          ? { ...r, effectiveFrom: '2027-01-01' }
          : r.id === 'ncre1-tech'
            ? { ...r, effectiveTo: '2025-12-31' }
            : r,
      ),
    };
    expect(rulesInForce(dated, DATE).some((r) => r.id === 'ncre1-basic' || r.id === 'ncre1-tech')).toBe(false);
    expect(
      exemptableCourses(dated, {
        certificateTypeId: 'ncre-1',
        subject: '一级 计算机基础及MS Office应用',
        majorCodes: ['020203'],
        date: DATE,
      }),
    ).toEqual([]);
  });
});

describe('checkClaimedCourses', () => {
  const ncre1 = {
    certificateTypeId: 'ncre-1',
    subject: '一级 计算机基础及MS Office应用',
    majorCodes: ['020203'],
    date: DATE,
  };

  it('accepts a theory course with its practical course', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00018', '00019'] }, new Set())).toEqual([]);
  });

  it('refuses a course outside every chosen plan with a field message', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00018', '00019', '04747'] }, new Set())).toEqual([
      '课程 04747Java语言程序设计(一) 不属于所选专业的考试计划',
    ]);
  });

  it('refuses a plan course the certificate cannot exempt', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00012'] }, new Set())).toEqual([
      '课程 00012英语(一) 不能使用该证书申请免考',
    ]);
  });

  it('refuses a practical course claimed without its theory course', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00019'] }, new Set())).toEqual([
      '实践课程 00019计算机应用基础(实践) 须与理论课程 00018计算机应用基础 一同申请免考',
    ]);
  });

  it('accepts a practical course whose theory course another certificate claims', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00019'] }, new Set(['00018']))).toEqual([]);
  });

  it('refuses a course already claimed by another certificate', () => {
    expect(checkClaimedCourses(catalog, { ...ncre1, courses: ['00018', '00019'] }, new Set(['00018']))).toEqual([
      '课程 00018计算机应用基础 已用其他证书申请免考，同一课程不能重复申请',
    ]);
  });
});
