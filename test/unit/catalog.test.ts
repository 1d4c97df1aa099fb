import { describe, expect, it } from 'vitest';
import { makeGetCatalog } from '../../functions/app/get-catalog.js';
import { defaultCatalog } from '../../functions/domain/catalog/default.js';
import { catalogProblems } from '../../functions/domain/catalog/validate.js';
import { isWindowOpen, nextWindowId, windowIdOf } from '../../functions/domain/window.js';

describe('shipped default catalog', () => {
  const catalog = defaultCatalog();

  it('has no broken cross-references', () => {
    expect(catalogProblems(catalog)).toEqual([]);
  });

  it('lists the seed majors: 7 专科 and 28 本科, 040112 小学教育 discontinued', () => {
    expect(catalog.majors.filter((m) => m.level === '专科')).toHaveLength(7);
    expect(catalog.majors.filter((m) => m.level === '本科')).toHaveLength(28);
    expect(catalog.majors.filter((m) => m.discontinued).map((m) => `${m.code}${m.name}`)).toEqual(['040112小学教育']);
    expect(catalog.majors.every((m) => m.samplePlan)).toBe(true);
  });

  it('lists the eight certificate types in the seed order', () => {
    expect(catalog.certificateTypes.map((t) => t.id)).toEqual([
      'diploma',
      'pets-2',
      'ncre-1',
      'nit-mis',
      'nit-basic',
      'cet-4',
      'pets-3',
      'ncre-2',
    ]);
    expect(catalog.certificateTypes[0]!.name).toBe('学历证书');
  });

  it('has one confirmation point per prefecture-level city of Shanxi', () => {
    expect(catalog.confirmationPoints.map((p) => p.id)).toEqual([
      'taiyuan',
      'datong',
      'yangquan',
      'changzhi',
      'jincheng',
      'shuozhou',
      'jinzhong',
      'yuncheng',
      'xinzhou',
      'linfen',
      'lvliang',
    ]);
  });

  it('marks rules from secondary sources as defaults to verify', () => {
    const unmarked = catalog.exemptionRules.filter(
      (r) => r.id !== 'diploma-plan-courses' && !r.source.startsWith('default, verify'),
    );
    expect(unmarked).toEqual([]);
  });
});

describe('catalogProblems', () => {
  it('names a plan course that does not exist and a rule with an unknown certificate type', () => {
    const base = defaultCatalog();
    const broken = {
      ...base,
      majors: [{ ...base.majors[0]!, planCourses: ['99999'] }],
      exemptionRules: [{ ...base.exemptionRules[1]!, certificateTypeId: 'nope' }],
    };
    expect(catalogProblems(broken)).toEqual([
      'majors.030112.planCourses: 课程 99999 不存在',
      'exemptionRules.pets2-english1: 证书类型 nope 不存在',
    ]);
  });
});

describe('application window', () => {
  const window = { opensAt: '2026-11-01T00:00:00+08:00', closesAt: '2026-12-01T00:00:00+08:00' };
  it.each([
    ['2026-10-31T15:59:59Z', false],
    ['2026-10-31T16:00:00Z', true],
    ['2026-11-30T15:59:59Z', true],
    ['2026-11-30T16:00:00Z', false],
  ])('at %s open is %s', (at, open) => {
    expect(isWindowOpen(window, Date.parse(at))).toBe(open);
  });

  it('is closed when none is configured', () => {
    expect(isWindowOpen(null, Date.parse('2026-11-30T00:00:00Z'))).toBe(false);
  });

  it('is shown with the catalog', async () => {
    const getCatalog = makeGetCatalog({
      catalogs: {
        getCatalog: async () => defaultCatalog(),
        getWindow: async () => window,
        putCatalog: async () => undefined,
        putWindow: async () => undefined,
      },
      clock: { now: () => Date.parse('2026-11-15T00:00:00Z') },
    });
    const view = await getCatalog();
    expect(view.window).toEqual({ ...window, open: true });
    expect(view.majors).toHaveLength(35);
  });
});

describe('application periods', () => {
  const current = { opensAt: '2026-11-01T00:00:00.000Z', closesAt: '2026-12-01T00:00:00.000Z', id: '20261101' };
  it('keep their id when the dates change', () => {
    expect(nextWindowId(current, '2026-10-20T00:00:00.000Z', false)).toBe('20261101');
  });
  it('get a new id from the opening day (Beijing) when a new period starts', () => {
    expect(nextWindowId(current, '2027-03-31T16:00:00.000Z', true)).toBe('20270401');
  });
  it('never reuse the previous id, even on the same opening day', () => {
    expect(nextWindowId(current, '2026-10-31T16:30:00.000Z', true)).toBe('20261101-2');
    expect(nextWindowId({ ...current, id: '20261101-2' }, '2026-11-01T03:00:00.000Z', true)).toBe('20261101-3');
  });
  it('fall back to the opening day for a window saved without an id', () => {
    expect(windowIdOf({ opensAt: '2026-10-31T16:00:00.000Z', closesAt: '2026-12-01T00:00:00.000Z' })).toBe('20261101');
    expect(nextWindowId(null, '2026-10-31T16:00:00.000Z', false)).toBe('20261101');
  });
});
