import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoApplicationStore } from '../../functions/adapters/dynamodb/application-store.js';
import type { Application } from '../../functions/domain/application/application.js';
import { ApiClient } from './client.js';
import { useLocalSystem } from './harness.js';
import { adminClient, certificatePhoto, validId, verifiedCandidate } from './journey.js';

// Staff console routes against the emulators (SPEC §2.3): permissions, concurrency, queues, export.

const local = useLocalSystem();

interface AppView {
  applicationId: string;
  version: number;
  applicationNumber: string;
}

let seq = 100;
function nextRow(pointId = 'taiyuan', majors = ['020204']) {
  seq += 1;
  return {
    name: '审核考生',
    idNumber: validId(`14010219850101${String(seq).padStart(3, '0')}`),
    ticketNumber: `02012010${String(seq).padStart(4, '0')}`,
    majors,
    pointId,
  };
}

/** A submitted application at `pointId` (CET-4 → 00015 for 020204). */
async function submittedAt(admin: ApiClient, pointId: string) {
  const { client, candidateId } = await verifiedCandidate(local, admin, nextRow(pointId));
  const draft = await client.put<AppView>('/api/me/application/choices', { pointId, majors: ['020204'] });
  const cert = await client.post<AppView>('/api/me/application/certificates', {
    certificateTypeId: 'cet-4',
    subject: '大学英语四级',
    examTime: '2020-12',
    certificateNumber: 'CET-2020',
    courses: ['00015'],
    photoIds: [await certificatePhoto(client)],
    version: draft.body.version,
  });
  const sub = await client.post<AppView>('/api/me/application/submission', { version: cert.body.version });
  expect(sub.status).toBe(200);
  return { client, candidateId, app: sub.body };
}

async function staffClient(username: string, points: string[], role: 'staff' | 'admin' = 'staff') {
  const admin = await adminClient(local);
  const created = await admin.post('/api/admin/staff', {
    username,
    displayName: `工作人员${username}`,
    role,
    points,
    password: 'staff1234',
  });
  expect(created.status).toBe(201);
  const c = new ApiClient(local);
  expect((await c.post('/api/staff/session', { username, password: 'staff1234' })).status).toBe(200);
  return c;
}

let admin: ApiClient;
let taiyuanStaff: ApiClient;
let datongStaff: ApiClient;

beforeAll(async () => {
  admin = await adminClient(local);
  taiyuanStaff = await staffClient('ty-reviewer', ['taiyuan']);
  datongStaff = await staffClient('dt-reviewer', ['datong']);
}, 60_000);

describe('permission matrix of the staff routes', () => {
  it('answers anonymous 401, candidate 403, another point 404, the point and admins 200 — for every staff route', async () => {
    // Prepare: four submitted applications at 太原 (each action needs a fresh one), two identities in review.
    const apps = await Promise.all([0, 1, 2, 3].map(() => submittedAt(admin, 'taiyuan')));
    const candidate = apps[0]!.client;
    const reviews = await Promise.all(
      [0, 1].map(async () => {
        const c = new ApiClient(local);
        const r = nextRow('taiyuan');
        await admin.post('/api/admin/roster', { csv: `${r.name},${r.idNumber},${r.ticketNumber},020204,taiyuan\n` });
        const activated = await c.post<{ candidateId: string }>('/api/candidates/activation', {
          idNumber: r.idNumber,
          name: r.name,
          password: 'pass1234',
          mobile: '13900005555',
        });
        const { uploadPhoto } = await import('./journey.js');
        const { certificateJpeg } = await import('../fixtures/photos/photos.js');
        for (const slot of ['idCardFront', 'handheld'])
          await uploadPhoto(
            c,
            '/api/me/identity/uploads',
            { slot },
            certificateJpeg(),
            (id) => `/api/me/identity/uploads/${id}/complete`,
          );
        await c.post('/api/me/identity/verification');
        return activated.body.candidateId;
      }),
    );
    const anonymous = new ApiClient(local);
    const a = (i: number) => apps[i]!.app;
    const cases: Array<{ name: string; call: (c: ApiClient, forAllowed: number) => Promise<{ status: number }> }> = [
      { name: 'listApplications', call: (c) => c.get('/api/staff/applications?pointId=taiyuan') },
      { name: 'getStaffApplication', call: (c) => c.get(`/api/staff/applications/${a(0).applicationId}`) },
      { name: 'exportApplications', call: (c) => c.get('/api/staff/applications-export?pointId=taiyuan') },
      {
        name: 'returnApplication',
        call: (c, i) =>
          c.post(`/api/staff/applications/${a(i).applicationId}/return`, { reason: '核对', version: a(i).version }),
      },
      {
        name: 'decideApplication',
        call: (c, i) =>
          c.post(`/api/staff/applications/${a(i + 2).applicationId}/decision`, {
            decisions: [{ course: '00015', verdict: 'approved' }],
            version: a(i + 2).version,
          }),
      },
      { name: 'listIdentityReviews', call: (c) => c.get('/api/staff/identity-reviews?pointId=taiyuan') },
      {
        name: 'getStaffIdentityPhoto',
        call: (c) => c.get(`/api/staff/identity-reviews/${reviews[0]}/photos/handheld`),
      },
      {
        name: 'decideIdentity',
        call: (c, i) =>
          c.post(`/api/staff/identity-reviews/${reviews[i]}/decision`, { verdict: 'verified', version: 4 }),
      },
    ];
    const table: Record<string, number[]> = {};
    for (const { name, call } of cases) {
      // Act: anonymous, candidate, other point (all refused, nothing changes), then the point's staff and an admin.
      table[name] = [
        (await call(anonymous, 0)).status,
        (await call(candidate, 0)).status,
        (await call(datongStaff, 0)).status,
        (await call(taiyuanStaff, 0)).status,
        (await call(admin, 1)).status,
      ];
    }
    // Assert
    const expected = Object.fromEntries(cases.map((c) => [c.name, [401, 403, 404, 200, 200]]));
    expect(table).toEqual(expected);
  });

  it('keeps admin routes to admins', async () => {
    const candidate = (await verifiedCandidate(local, admin, nextRow())).client;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/admin/staff'],
      ['POST', '/api/admin/notices', { title: '通知', body: '内容' }],
      ['PUT', '/api/admin/window', { opensAt: '2026-01-01T00:00:00+08:00', closesAt: '2027-01-01T00:00:00+08:00' }],
    ];
    for (const [method, path, body] of routes) {
      const statuses = [
        (await new ApiClient(local).request(method, path, body)).status,
        (await candidate.request(method, path, body)).status,
        (await taiyuanStaff.request(method, path, body)).status,
      ];
      expect(statuses, `${method} ${path}`).toEqual([401, 403, 403]);
    }
  });
});

describe('staff actions', () => {
  it('lets exactly one of two concurrent decisions win; the other gets 409 with the current state', async () => {
    const { app } = await submittedAt(admin, 'taiyuan');
    const body = (verdict: string) => ({
      decisions: [{ course: '00015', verdict, ...(verdict === 'rejected' ? { reason: '不符合' } : {}) }],
      version: app.version,
    });
    const [x, y] = await Promise.all([
      admin.post(`/api/staff/applications/${app.applicationId}/decision`, body('approved')),
      taiyuanStaff.post(`/api/staff/applications/${app.applicationId}/decision`, body('rejected')),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.body).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const detail = await admin.get<{
      status: string;
      decisions: Array<{ verdict: string }>;
      audit: Array<{ action: string; actor: { id: string } }>;
    }>(`/api/staff/applications/${app.applicationId}`);
    expect(detail.body.status).toBe('decided');
    expect(detail.body.decisions[0]!.verdict).toBe(x.status === 200 ? 'approved' : 'rejected');
    expect(detail.body.audit.filter((e) => e.action === 'application.decided')).toHaveLength(1);
  });

  it('shows the photos, identity result and audit trail on the detail page', async () => {
    const { app } = await submittedAt(admin, 'taiyuan');
    const detail = await admin.get<{
      attempt: number;
      identity: { status: string; photos: Array<{ slot: string; url: string }> };
      certificates: Array<{ photos: Array<{ url: string; width: number }> }>;
      audit: Array<{ action: string }>;
      applicant: { idNumber: string };
    }>(`/api/staff/applications/${app.applicationId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.attempt).toBe(1);
    expect(detail.body.applicant.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(detail.body.identity.status).toBe('verified');
    expect(detail.body.identity.photos.map((p) => p.slot).sort()).toEqual(['handheld', 'idCardFront']);
    const photo = await fetch(detail.body.certificates[0]!.photos[0]!.url);
    expect(photo.status).toBe(200);
    expect(detail.body.audit.map((e) => e.action)).toEqual([
      'identity.photo.uploaded',
      'identity.photo.uploaded',
      'identity.verification',
      'identity.decided',
      'application.choices',
      'application.certificate.added',
      'application.submitted',
    ]);
  });
});

describe('queues', () => {
  const store = () => dynamoApplicationStore();
  const base = (i: number, over: Partial<Application>): Application => ({
    applicationId: `${'e'.repeat(28)}${String(i).padStart(4, '0')}`,
    candidateId: `${'f'.repeat(28)}${String(i).padStart(4, '0')}`,
    windowId: 'queue-test',
    applicationNumber: `MKQ${String(i).padStart(6, '0')}`,
    status: 'submitted',
    attempt: 1,
    applicant: {
      name: '队列考生',
      idNumber: validId(`14070219900101${String(i).padStart(3, '0')}`),
      ticketNumber: `07012010${String(i).padStart(4, '0')}`,
      gender: 'male',
      mobile: '13900006666',
    },
    pointId: 'jinzhong',
    majors: ['020204'],
    certificates: [
      {
        certificateId: 'c'.repeat(32),
        certificateTypeId: 'cet-4',
        examTime: '2020-06',
        subject: '大学英语四级',
        certificateNumber: 'X',
        courses: ['00015'],
        photos: [],
      },
    ],
    submittedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 1,
    ...over,
  });

  it('returns every matching application across pages, filters applied, newest or oldest first', async () => {
    // Prepare: 23 applications at 晋中, mixed majors and statuses.
    const all = Array.from({ length: 23 }, (_, i) =>
      base(i, {
        majors: i % 3 === 0 ? ['020204', '080702'] : ['030106'],
        status: i % 4 === 0 ? 'returned' : 'submitted',
        ...(i % 4 === 0 ? { returnReason: '核对' } : {}),
      }),
    );
    for (const app of all) await store().create(app);
    const staff = await staffClient('jz-reviewer', ['jinzhong']);

    async function pages(query: string) {
      const seen: string[] = [];
      const sizes: number[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Array<{ applicationId: string }>; cursor: string | null } } =
          await staff.get(
            `/api/staff/applications?pointId=jinzhong&limit=4${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        expect(res.status).toBe(200);
        sizes.push(res.body.items.length);
        seen.push(...res.body.items.map((x) => x.applicationId));
        cursor = res.body.cursor;
      } while (cursor);
      return { seen, sizes };
    }

    const expectIds = (f: (a: Application) => boolean, order: 'asc' | 'desc') => {
      const ids = all.filter(f).map((a) => a.applicationId);
      return order === 'asc' ? ids : ids.reverse();
    };
    const byMajor = await pages('&major=080702&status=submitted');
    expect(byMajor.seen).toEqual(expectIds((a) => a.majors.includes('080702') && a.status === 'submitted', 'desc'));
    expect(byMajor.sizes.slice(0, -1).every((n) => n === 4)).toBe(true);
    const oldest = await pages('&order=asc');
    expect(oldest.seen).toEqual(expectIds(() => true, 'asc'));
    const returned = await pages('&status=returned&order=asc');
    expect(returned.seen).toEqual(expectIds((a) => a.status === 'returned', 'asc'));
    // A page is never short while more matching items exist.
    const withFilter = await pages('&major=020204');
    expect(withFilter.sizes.slice(0, -1).every((n) => n === 4)).toBe(true);
    expect(withFilter.seen).toHaveLength(8);
  });

  it('refuses a crafted cursor for another point with 400', async () => {
    const forged = Buffer.from(
      JSON.stringify({ pk: 'APPLICATION#x', sk: 'APPLICATION', gsi1pk: 'APPS#datong', gsi1sk: 'x' }),
    ).toString('base64url');
    const res = await admin.get(`/api/staff/applications?pointId=taiyuan&cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'BAD_REQUEST', message: '分页参数无效，请从第一页重新查询。' } });
  });
});

describe('CSV export', () => {
  it('keeps 18-digit ID numbers intact through a round trip, UTF-8 with BOM, one row per course', async () => {
    const { app } = await submittedAt(admin, 'yuncheng');
    const res = await admin.raw('GET', '/api/staff/applications-export?pointId=yuncheng');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(new TextDecoder().decode(bytes), { bom: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(['申请编号', '姓名', '身份证号', '准考证号']);
    const mine = rows.filter((r) => r[0] === app.applicationNumber);
    expect(mine).toHaveLength(1);
    const detail = await admin.get<{ applicant: { idNumber: string } }>(`/api/staff/applications/${app.applicationId}`);
    expect(mine[0]![2]!.trim()).toBe(detail.body.applicant.idNumber);
    expect(mine[0]![2]).toBe(`\t${detail.body.applicant.idNumber}`);
    expect(mine[0]!.slice(12, 14)).toEqual(['\t00015', '英语(二)']);
    // The export is in the audit trail (who took every applicant's ID number, and when).
    const { dynamoAuditStore } = await import('../../functions/adapters/dynamodb/audit-store.js');
    expect(await dynamoAuditStore().list('config', 'export:yuncheng')).toMatchObject([
      { action: 'applications.exported', actor: { kind: 'staff', id: 'admin' }, after: { rows: rows.length - 1 } },
    ]);
  });
});

describe('admin', () => {
  it('imports a roster, rejecting bad rows with reasons and accepting the rest; re-import is idempotent', async () => {
    const good = validId('14010219700101001');
    const csv = `姓名,身份证号,准考证号,专业代码\n周八,${good},030120100001,020204\n吴九,110101199001011230,030120100002,020204\n郑十,${validId('14010219700101002')},123,020204\n`;
    const first = await admin.post('/api/admin/roster', { csv });
    expect(first.body).toEqual({
      accepted: 1,
      rejected: [
        { line: 3, reason: '身份证号：身份证号校验位不正确，请逐位核对' },
        { line: 4, reason: '准考证号格式不正确' },
      ],
    });
    expect((await admin.post('/api/admin/roster', { csv })).body).toMatchObject({ accepted: 1 });
    const activated = await new ApiClient(local).post('/api/candidates/activation', {
      idNumber: good,
      name: '周八',
      password: 'pass1234',
      mobile: '13900007777',
    });
    expect(activated.body).toMatchObject({ ticketNumber: '030120100001' });
  });

  it('disables a staff account so it can no longer log in, and refuses a catalog with broken references', async () => {
    const signedIn = await staffClient('to-disable', ['taiyuan']);
    expect((await signedIn.get('/api/staff/applications?pointId=taiyuan')).status).toBe(200);
    const list = await admin.get<{ items: Array<{ username: string; version: number }> }>('/api/admin/staff');
    const account = list.body.items.find((i) => i.username === 'to-disable')!;
    const disabled = await admin.request('PATCH', '/api/admin/staff/to-disable', {
      disabled: true,
      version: account.version,
    });
    expect(disabled.body).toMatchObject({ disabled: true });
    expect(
      (await new ApiClient(local).post('/api/staff/session', { username: 'to-disable', password: 'staff1234' })).status,
    ).toBe(401);

    const catalog = (
      await admin.get<Record<string, unknown> & { majors: Array<Record<string, unknown>> }>('/api/catalog')
    ).body;
    const { window: _w, ...shipped } = catalog;
    const broken = { ...shipped, majors: [{ ...catalog.majors[0]!, planCourses: ['99999'] }] };
    const refused = await admin.put('/api/admin/catalog', { catalog: broken });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: {
        message: '专业目录存在错误，未作任何更改。',
        fields: { 'majors.030112.planCourses': '课程 99999 不存在' },
      },
    });
    const withoutTaiyuan = await admin.put('/api/admin/catalog', {
      catalog: {
        ...shipped,
        confirmationPoints: (shipped.confirmationPoints as Array<{ id: string }>).filter((p) => p.id !== 'taiyuan'),
      },
    });
    expect(withoutTaiyuan.body).toMatchObject({
      error: {
        fields: {
          'confirmationPoints.taiyuan': '不能删除已有的确认点（太原市招生考试中心），可修改其名称、地址和电话',
        },
      },
    });
    const garbage = await admin.put('/api/admin/catalog', { catalog: { ...shipped, majors: null } });
    expect(garbage.body).toMatchObject({
      error: { message: '专业目录格式不正确，未作任何更改。', fields: { majors: '缺失或格式不正确' } },
    });
    const accepted = await admin.put('/api/admin/catalog', { catalog: { ...shipped, version: '2026.2-test' } });
    expect(accepted.body).toMatchObject({ version: '2026.2-test', majors: 35, certificateTypes: 8 });
    expect((await admin.get('/api/catalog')).body).toMatchObject({ version: '2026.2-test' });
  });

  it('publishes a notice that candidates can read', async () => {
    const published = await admin.post('/api/admin/notices', { title: '免考申请开始', body: '请于截止日期前提交。' });
    expect(published.status).toBe(201);
    const list = await new ApiClient(local).get<{ items: Array<{ title: string }> }>('/api/notices');
    expect(list.body.items[0]).toEqual({
      noticeId: expect.stringMatching(/^[a-f0-9]{32}$/),
      title: '免考申请开始',
      body: '请于截止日期前提交。',
      publishedAt: expect.any(String),
    });
    expect(published.body).toMatchObject({ publishedBy: 'admin' });
  });
});
