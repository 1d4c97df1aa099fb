import { describe, expect, it } from 'vitest';
import type { ApiClient } from './client.js';
import { useLocalSystem } from './harness.js';
import { adminClient, certificatePhoto, validId, verifiedCandidate } from './journey.js';

// The exemption application against the embedded emulators over real HTTP (SPEC §2.2).

const local = useLocalSystem();

interface AppView {
  applicationId: string;
  applicationNumber: string | null;
  status: string;
  statusText: string;
  attempt: number;
  canReapply: boolean;
  version: number;
  missing: string[];
  certificates: Array<{ certificateId: string; courses: Array<{ code: string }>; photos: Array<{ photoId: string }> }>;
}

let seq = 0;
function row(majors = ['020204']) {
  seq += 1;
  const n = String(seq).padStart(3, '0');
  return {
    name: '测试考生',
    idNumber: validId(`14010219900101${n}`),
    ticketNumber: `0101201${n}000`.slice(0, 12),
    majors,
  };
}

async function certificate(client: ApiClient, version: number, body: Record<string, unknown>) {
  return client.post<AppView>('/api/me/application/certificates', {
    examTime: '2019-06',
    certificateNumber: 'NO-0001',
    photoIds: [await certificatePhoto(client)],
    version,
    ...body,
  });
}

const CET4 = { certificateTypeId: 'cet-4', subject: '大学英语四级', courses: ['00012', '00015'] };
const NCRE1 = { certificateTypeId: 'ncre-1', subject: '一级 计算机基础及MS Office应用', courses: ['00018', '00019'] };

/** A submitted application of a fresh verified candidate (two majors, CET-4). */
async function submitted(admin: ApiClient) {
  const { client } = await verifiedCandidate(local, admin, row());
  const draft = await client.put<AppView>('/api/me/application/choices', {
    pointId: 'taiyuan',
    majors: ['020204', '030112'],
  });
  const withCert = await certificate(client, draft.body.version, CET4);
  const sub = await client.post<AppView>('/api/me/application/submission', { version: withCert.body.version });
  expect(sub.status).toBe(200);
  return { client, app: sub.body };
}

describe('exemption application journey', () => {
  it('runs draft → submit → return → re-apply → submit → return, refuses a third attempt, then shows the decisions', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());

    // Step 1: point and two majors (a 专科 and a 本科 one)
    const step1 = await client.put<AppView>('/api/me/application/choices', {
      pointId: 'taiyuan',
      majors: ['020204', '030112'],
    });
    expect(step1.status).toBe(200);
    expect(step1.body).toMatchObject({ status: 'draft', attempt: 1, version: 1, missing: ['请至少添加一个证书'] });

    // Step 2: two certificates; delete one and add it again
    const cet = await certificate(client, 1, CET4);
    expect(cet.status).toBe(201);
    const ncre = await certificate(client, cet.body.version, NCRE1);
    expect(ncre.body.certificates.map((c) => c.courses.map((x) => x.code))).toEqual([
      ['00012', '00015'],
      ['00018', '00019'],
    ]);
    const deleted = await client.delete<AppView>(
      `/api/me/application/certificates/${ncre.body.certificates[1]!.certificateId}?version=${ncre.body.version}`,
    );
    expect(deleted.body.certificates).toHaveLength(1);
    const readded = await certificate(client, deleted.body.version, NCRE1);
    expect(readded.body).toMatchObject({ version: 5, missing: [] });

    // Step 3: submit
    const first = await client.post<AppView>('/api/me/application/submission', { version: 5 });
    expect(first.body).toMatchObject({ status: 'submitted', statusText: '已提交，待审核', attempt: 1 });
    expect(first.body.applicationNumber).toMatch(/^MK\d{8}\d{6}$/);

    // Staff return → the candidate sees the reason and may re-apply once
    const returned = await admin.post(`/api/staff/applications/${first.body.applicationId}/return`, {
      reason: '证书编号有误',
      version: first.body.version,
    });
    expect(returned.status).toBe(200);
    const seen = await client.get<{ application: AppView }>('/api/me/application');
    expect(seen.body.application).toMatchObject({
      status: 'returned',
      statusText: '被退回（退回原因：证书编号有误）',
      canReapply: true,
    });
    const reapplied = await client.post<AppView>('/api/me/application/reapplication', {
      version: seen.body.application.version,
    });
    expect(reapplied.body).toMatchObject({ status: 'draft', attempt: 2, canReapply: false });
    expect(reapplied.body.certificates).toHaveLength(2); // the previous content is kept
    const second = await client.post<AppView>('/api/me/application/submission', { version: reapplied.body.version });
    expect(second.body).toMatchObject({
      status: 'submitted',
      attempt: 2,
      applicationNumber: first.body.applicationNumber,
    });

    // A second return cannot be re-applied: the review ends with a staff decision
    await admin.post(`/api/staff/applications/${second.body.applicationId}/return`, {
      reason: '材料不全',
      version: second.body.version,
    });
    const again = await client.get<{ application: AppView }>('/api/me/application');
    expect(again.body.application).toMatchObject({ status: 'returned', canReapply: false });
    const third = await client.post('/api/me/application/reapplication', { version: again.body.application.version });
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({
      error: { code: 'REAPPLY_LIMIT_REACHED', message: '重新申请机会仅限一次，您已使用过，请等待确认点审核结果。' },
    });

    // Staff decide every course; the candidate's result query shows them
    const decided = await admin.post(`/api/staff/applications/${second.body.applicationId}/decision`, {
      version: again.body.application.version,
      decisions: [
        { course: '00012', verdict: 'approved' },
        { course: '00015', verdict: 'rejected', reason: '成绩单分数不足' },
        { course: '00018', verdict: 'approved' },
        { course: '00019', verdict: 'approved' },
      ],
    });
    expect(decided.status).toBe(200);
    const results = await client.get('/api/me/application/results');
    expect(results.body).toMatchObject({
      status: 'decided',
      statusText: '审核完成',
      results: [
        { code: '00012', name: '英语(一)', verdict: 'approved', verdictText: '审核通过（准予免考）', reason: null },
        { code: '00015', name: '英语(二)', verdict: 'rejected', verdictText: '审核不通过', reason: '成绩单分数不足' },
        { code: '00018', verdict: 'approved' },
        { code: '00019', verdict: 'approved' },
      ],
    });
  });

  it('keeps exactly one submission when the same submit arrives twice at once', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());
    const draft = await client.put<AppView>('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204'] });
    const ready = await certificate(client, draft.body.version, { ...CET4, courses: ['00015'] });
    const [a, b] = await Promise.all([
      client.post<AppView>('/api/me/application/submission', { version: ready.body.version }),
      client.post<AppView>('/api/me/application/submission', { version: ready.body.version }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.applicationNumber).toBe(b.body.applicationNumber);
    expect(a.body.version).toBe(b.body.version);
    const detail = await admin.get<{ audit: Array<{ action: string }> }>(
      `/api/staff/applications/${a.body.applicationId}`,
    );
    expect(detail.body.audit.filter((e) => e.action === 'application.submitted')).toHaveLength(1);
  });

  it('lets only one of two parallel re-applications succeed', async () => {
    const admin = await adminClient(local);
    const { client, app } = await submitted(admin);
    await admin.post(`/api/staff/applications/${app.applicationId}/return`, { reason: '请核对', version: app.version });
    const current = (await client.get<{ application: AppView }>('/api/me/application')).body.application;
    const [a, b] = await Promise.all([
      client.post('/api/me/application/reapplication', { version: current.version }),
      client.post('/api/me/application/reapplication', { version: current.version }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await client.get<{ application: AppView }>('/api/me/application')).body.application).toMatchObject({
      status: 'draft',
      attempt: 2,
    });
  });

  it('refuses every write outside the application window, and reads still work', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());
    const window = (await client.get<{ window: { opensAt: string; closesAt: string } }>('/api/me/application')).body
      .window;
    // Close the window (same opening, so the same application period), then reopen it.
    const closed = await admin.put('/api/admin/window', {
      opensAt: window.opensAt,
      closesAt: new Date(Date.parse(window.opensAt) + 1000).toISOString(),
    });
    expect(closed.body).toMatchObject({ open: false });
    try {
      const write = await client.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204'] });
      expect(write.status).toBe(409);
      expect(write.body).toMatchObject({
        error: { code: 'WINDOW_CLOSED', message: '当前不在免考申请期间，申请信息只能查看，不能修改或提交。' },
      });
      const upload = await client.post('/api/me/application/photo-uploads', {
        contentType: 'image/jpeg',
        contentLength: 1000,
      });
      expect(upload.status).toBe(409);
      const read = await client.get('/api/me/application');
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        application: null,
        window: { open: false },
        eligibility: { canApply: false, reasons: ['当前不在免考申请期间'] },
      });
    } finally {
      const restored = await admin.put('/api/admin/window', { opensAt: window.opensAt, closesAt: window.closesAt });
      expect(restored.body).toMatchObject({ open: true });
    }
  });
});

describe('application rules', () => {
  it('refuses a course outside the chosen plans and a course claimed twice, with field messages, changing nothing', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());
    const draft = await client.put<AppView>('/api/me/application/choices', { pointId: 'taiyuan', majors: ['030112'] });
    const outside = await certificate(client, draft.body.version, {
      certificateTypeId: 'ncre-2',
      subject: '二级 Java语言程序设计',
      courses: ['04747', '04748'],
    });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: {
          courses:
            '课程 04747Java语言程序设计(一) 不属于所选专业的考试计划；课程 04748Java语言程序设计(一)(实践) 不属于所选专业的考试计划',
        },
      },
    });
    const first = await certificate(client, draft.body.version, { ...CET4, courses: ['00012'] });
    expect(first.status).toBe(201);
    const twice = await certificate(client, first.body.version, {
      certificateTypeId: 'pets-2',
      subject: 'PETS二级',
      courses: ['00012'],
    });
    expect(twice.status).toBe(400);
    expect(twice.body).toMatchObject({
      error: { fields: { courses: '课程 00012英语(一) 已用其他证书申请免考，同一课程不能重复申请' } },
    });
    // One photo cannot stand for two certificates.
    const reused = await client.post('/api/me/application/certificates', {
      ...NCRE1,
      examTime: '2019-06',
      certificateNumber: 'N1-1',
      photoIds: [first.body.certificates[0]!.photos[0]!.photoId],
      version: first.body.version,
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({
      error: { fields: { photoIds: '该照片已用于其他证书，请为每个证书上传各自的照片' } },
    });
    // Without a version on an existing application, the save is refused (not a silent overwrite).
    const unversioned = await client.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['030112'] });
    expect(unversioned.status).toBe(400);
    expect(unversioned.body).toMatchObject({ error: { message: '缺少版本号，请刷新页面后重试。' } });
    expect((await client.get<{ application: AppView }>('/api/me/application')).body.application.version).toBe(
      first.body.version,
    );
  });

  it('lets only candidates enrolled in a discontinued (停) major choose it', async () => {
    const admin = await adminClient(local);
    const { client: other } = await verifiedCandidate(local, admin, row(['020204']));
    const refused = await other.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['040112'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: { fields: { 'majors.0': '040112小学教育为预停考专业，限已报考该专业的老生申请' } },
    });
    const { client: enrolled } = await verifiedCandidate(local, admin, row(['040112']));
    expect((await enrolled.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['040112'] })).status).toBe(
      200,
    );
  });

  it('refuses the same major twice and a submission that is not complete', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());
    const same = await client.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204', '020204'] });
    expect(same.status).toBe(400);
    expect(same.body).toMatchObject({ error: { fields: { majors: '请选择两个不同的专业' } } });
    const draft = await client.put<AppView>('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204'] });
    const early = await client.post('/api/me/application/submission', { version: draft.body.version });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      error: { code: 'INVALID_STATE', message: '申请信息不完整：请至少添加一个证书。' },
    });
  });

  it('refuses an application from a candidate whose identity is not verified', async () => {
    const admin = await adminClient(local);
    const r = row();
    await admin.post('/api/admin/roster', { csv: `${r.name},${r.idNumber},${r.ticketNumber},020204\n` });
    const { ApiClient } = await import('./client.js');
    const client = new ApiClient(local);
    await client.post('/api/candidates/activation', {
      idNumber: r.idNumber,
      name: r.name,
      password: 'pass1234',
      mobile: '13900004444',
    });
    const res = await client.put('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204'] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'NOT_ELIGIBLE', message: '暂不能申请免考：身份尚未认证通过。' } });
  });
});

describe('application periods', () => {
  it('keeps applications when the admin changes the dates, and starts afresh only for a new period', async () => {
    const admin = await adminClient(local);
    const { client } = await verifiedCandidate(local, admin, row());
    const draft = await client.put<AppView>('/api/me/application/choices', { pointId: 'taiyuan', majors: ['020204'] });
    const window = (await client.get<{ window: { opensAt: string; closesAt: string } }>('/api/me/application')).body
      .window;

    // Act: move the opening a week earlier (same period)
    const earlier = new Date(Date.parse(window.opensAt) - 7 * 86_400_000).toISOString();
    expect((await admin.put('/api/admin/window', { opensAt: earlier, closesAt: window.closesAt })).status).toBe(200);
    // Assert: the application is still the candidate's current one
    expect((await client.get<{ application: AppView }>('/api/me/application')).body.application.applicationId).toBe(
      draft.body.applicationId,
    );

    // Act: start a new period
    const next = await admin.put('/api/admin/window', { opensAt: earlier, closesAt: window.closesAt, newPeriod: true });
    expect(next.status).toBe(200);
    // Assert: a new period has no application yet; the old one stays in the staff queue history
    expect((await client.get('/api/me/application')).body).toMatchObject({ application: null, window: { open: true } });
    const bad = await admin.put('/api/admin/window', { opensAt: '0000-01-01T00:00:00Z', closesAt: window.closesAt });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: { fields: { opensAt: '开始时间的年份应在2000至2100之间' } } });
  });
});
