import { describe, expect, it } from 'vitest';
import { certificateJpeg, portraitPng, portraitProgressiveJpeg } from '../fixtures/photos/photos.js';
import { dynamoStaffStore } from '../../functions/adapters/dynamodb/staff-store.js';
import { systemClock } from '../../functions/adapters/runtime.js';
import { makeCreateStaff } from '../../functions/app/staff-accounts.js';
import { ApiClient, putToPresignedUrl, type UploadTicket } from './client.js';
import { useLocalSystem } from './harness.js';
import { uploadPhoto, validId } from './journey.js';

// Candidate accounts and identity verification against the embedded emulators over real HTTP
// (SPEC §2.1, §3): real presigned URLs checked by the S3 emulator, DynamoDB Local transactions.

const local = useLocalSystem();

const PROFILE = {
  ethnicity: '汉族',
  hukouType: '城镇',
  education: '专科',
  occupation: '其他',
  politicalStatus: '群众',
  mobile: '+86 138 1234 5678',
  pointId: 'taiyuan',
};

function registration(idNumber: string, name = '张三') {
  return { idNumber, name, password: 'abcd1234', ...PROFILE };
}

function upload(client: ApiClient, slot: string, bytes: Uint8Array, contentType = 'image/jpeg') {
  return uploadPhoto(
    client,
    '/api/me/identity/uploads',
    { slot, contentType },
    bytes,
    (id) => `/api/me/identity/uploads/${id}/complete`,
  );
}

describe('new candidate (新考生): register → three photos → verification → login', () => {
  it('runs the whole flow, ending in manual review with face compare disabled', async () => {
    // Prepare
    const candidate = new ApiClient(local);

    // Act: register (signed in at once)
    const registered = await candidate.post('/api/candidates', registration(' 1101 0519 4912 3100 2x', '张三'));
    // Assert
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      kind: 'new',
      name: '张三',
      idNumber: '1101**********002X',
      gender: '女',
      birthDate: '1949-12-31',
      mobile: '138****5678',
      ticketNumber: null,
      point: { id: 'taiyuan', name: '太原市招生考试中心' },
      identity: { status: 'photos_required', statusText: '待上传照片' },
      eligibility: { canApply: false, reasons: ['身份尚未认证通过', '免考申请仅限已取得准考证号的在籍考生'] },
    });

    // Act: three photos through real presigned URLs
    const portrait = await upload(candidate, 'portrait', portraitProgressiveJpeg());
    const idCard = await upload(candidate, 'idCardFront', certificateJpeg());
    const handheld = await upload(candidate, 'handheld', portraitPng(), 'image/png');
    expect([portrait.status, idCard.status, handheld.status]).toEqual([200, 200, 200]);
    expect(handheld.body).toMatchObject({
      status: 'pending',
      photos: [
        { slot: 'portrait', uploaded: true, width: 480, height: 640 },
        { slot: 'idCardFront', uploaded: true, width: 1024, height: 768 },
        { slot: 'handheld', uploaded: true, width: 320, height: 400 },
      ],
    });

    // Act: the stored photo can be viewed by its owner through a short-lived URL
    const view = await candidate.get<{ url: string }>('/api/me/identity/photos/idCardFront');
    expect(view.status).toBe(200);
    const stored = new Uint8Array(await (await fetch(view.body.url)).arrayBuffer());
    expect(stored).toEqual(certificateJpeg());

    // Act: verification (disabled adapter → staff)
    const verified = await candidate.post('/api/me/identity/verification');
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      status: 'manual_review',
      statusText: '人工审核中',
      faceCompareEnabled: false,
    });

    // Act: log out, log in again with the ID number
    expect((await candidate.delete('/api/session')).status).toBe(200);
    expect((await candidate.get('/api/me')).status).toBe(401);
    const login = await candidate.post('/api/session', { account: '11010519491231002X', password: 'abcd1234' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ identity: { status: 'manual_review', statusText: '人工审核中' } });
  });

  it('lets exactly one of two parallel registrations with one ID number succeed', async () => {
    const [a, b] = await Promise.all([
      new ApiClient(local).post('/api/candidates', registration('110101199001011237', '李四')),
      new ApiClient(local).post('/api/candidates', registration('110101199001011237', '李四')),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toEqual({
      error: {
        code: 'ALREADY_EXISTS',
        message: '该身份证号已注册，请直接登录；如忘记密码，请携带身份证到免考确认点办理。',
        fields: { idNumber: '该身份证号已注册' },
        requestId: expect.any(String),
      },
    });
  });

  it('refuses bad registration input with field errors and creates nothing', async () => {
    const client = new ApiClient(local);
    const res = await client.post('/api/candidates', {
      ...registration('11010519491231002', '张3'),
      mobile: '12345',
      email: 'x@',
      status: 'verified',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: 'VALIDATION_FAILED',
        fields: {
          idNumber: '身份证号应为18位',
          name: '姓名不能包含数字',
          mobile: '请填写11位中国大陆手机号',
          email: '电子邮箱格式不正确',
          status: '不允许的字段',
        },
      },
    });
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('tells an enrolled candidate to use activation instead of registration', async () => {
    const res = await new ApiClient(local).post('/api/candidates', registration('140105199512120049', '李娜'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      error: { code: 'ALREADY_EXISTS', message: '您已是在籍考生，请选择“我是在籍考生”完成认证。' },
    });
  });
});

describe('photo uploads', () => {
  async function signedIn(idNumber: string) {
    const c = new ApiClient(local);
    expect((await c.post('/api/candidates', registration(idNumber, '王五'))).status).toBe(201);
    return c;
  }

  it('has S3 refuse a PUT whose size or type differs from what was signed, or whose URL was tampered with', async () => {
    const c = await signedIn(validId('11010119800101123'));
    const bytes = certificateJpeg();
    const ticket = (
      await c.post<UploadTicket>('/api/me/identity/uploads', {
        slot: 'idCardFront',
        contentType: 'image/jpeg',
        contentLength: bytes.length,
      })
    ).body;
    expect(ticket.url).not.toContain('x-amz-checksum');
    expect(await putToPresignedUrl(ticket, bytes.subarray(0, bytes.length - 1))).toBe(403);
    expect(await putToPresignedUrl(ticket, bytes, { 'Content-Type': 'image/png' })).toBe(403);
    const tampered = ticket.url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, ch: string) => `X-Amz-Signature=${ch === '0' ? '1' : '0'}`,
    );
    expect(await putToPresignedUrl({ url: tampered, headers: ticket.headers }, bytes)).toBe(403);
    // Nothing reached the bucket, so complete has nothing to accept.
    const complete = await c.post(`/api/me/identity/uploads/${ticket.uploadId}/complete`);
    expect(complete.status).toBe(422);
    expect(complete.body).toMatchObject({ error: { code: 'PHOTO_REJECTED', message: '未收到照片文件，请重新上传。' } });
  });

  it('refuses at complete a file that is not an image, naming the photo', async () => {
    const c = await signedIn(validId('11010119820202123'));
    const bytes = new TextEncoder().encode('%PDF-1.4 not an image at all, but declared as one'.repeat(20));
    const res = await upload(c, 'handheld', bytes);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: {
        code: 'PHOTO_REJECTED',
        message: '手持身份证照（半身）：文件不是有效的 JPG 或 PNG 图片，请重新选择照片',
      },
    });
    expect((await c.get('/api/me')).body).toMatchObject({ identity: { status: 'photos_required' } });
  });

  it('refuses to presign a photo of 2 MB or more', async () => {
    const c = await signedIn(validId('11010119830303123'));
    const res = await c.post('/api/me/identity/uploads', {
      slot: 'portrait',
      contentType: 'image/jpeg',
      contentLength: 2 * 1024 * 1024,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: 'VALIDATION_FAILED', message: '照片文件应小于2MB，请压缩后重新上传' },
    });
  });

  it('refuses a HEIC or other type before presigning', async () => {
    const c = await signedIn(validId('11010119840404123'));
    const res = await c.post('/api/me/identity/uploads', {
      slot: 'portrait',
      contentType: 'image/heic',
      contentLength: 1000,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { message: '仅支持 JPG 或 PNG 格式的照片' } });
  });

  it('keeps each candidate to their own uploads, photos and profile', async () => {
    const alice = await signedIn(validId('11010119850505123'));
    const bobId = validId('11010119860606123');
    const bob = await signedIn(bobId);
    const bytes = certificateJpeg();
    const ticket = (
      await alice.post<UploadTicket>('/api/me/identity/uploads', {
        slot: 'idCardFront',
        contentType: 'image/jpeg',
        contentLength: bytes.length,
      })
    ).body;
    expect(await putToPresignedUrl(ticket, bytes)).toBe(200);
    // Bob cannot complete (and so reference) Alice's upload.
    const stolen = await bob.post(`/api/me/identity/uploads/${ticket.uploadId}/complete`);
    expect(stolen.status).toBe(404);
    expect((await bob.get('/api/me/identity/photos/idCardFront')).status).toBe(404);
    // Alice's own completion still works (and a repeat after a lost answer too), and each sees only their own profile.
    const completed = await alice.post(`/api/me/identity/uploads/${ticket.uploadId}/complete`);
    expect(completed.status).toBe(200);
    const repeated = await alice.post(`/api/me/identity/uploads/${ticket.uploadId}/complete`);
    expect(repeated).toMatchObject({ status: 200, body: completed.body });
    expect((await bob.get('/api/me')).body).toMatchObject({ idNumber: `1101**********${bobId.slice(-4)}` });
    expect((await bob.get('/api/me/identity/photos/idCardFront')).status).toBe(404);
  });
});

describe('enrolled candidate (在籍考生) activation and login', () => {
  it('activates against the roster, links the ticket number and logs in with it', async () => {
    const c = new ApiClient(local);
    const res = await c.post('/api/candidates/activation', {
      idNumber: '140102199003071235',
      name: '王小明',
      password: 'pass1234',
      mobile: '13900001111',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'enrolled',
      name: '王小明',
      ticketNumber: '010120100001',
      gender: '男',
      identity: { status: 'photos_required', photos: [{ slot: 'idCardFront' }, { slot: 'handheld' }] },
    });
    const login = await new ApiClient(local).post('/api/session', { account: '010120100001', password: 'pass1234' });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ ticketNumber: '010120100001' });
    // The portrait is not part of 两照.
    const portrait = await c.post('/api/me/identity/uploads', {
      slot: 'portrait',
      contentType: 'image/jpeg',
      contentLength: 1000,
    });
    expect(portrait.status).toBe(400);
  });

  it('ends every session at logout and other sessions at a password change', async () => {
    // Prepare: one account signed in on two "devices"
    const phone = new ApiClient(local);
    const idNumber = validId('11010119870707123');
    expect((await phone.post('/api/candidates', registration(idNumber, '周一'))).status).toBe(201);
    const pc = new ApiClient(local);
    expect((await pc.post('/api/session', { account: idNumber, password: 'abcd1234' })).status).toBe(200);
    const copied = pc.cookieHeader();

    // Act: the phone changes the password
    const changed = await phone.post('/api/me/password', { currentPassword: 'abcd1234', newPassword: 'efgh5678' });
    // Assert: the phone stays signed in, the PC is signed out
    expect(changed.status).toBe(200);
    expect((await phone.get('/api/me')).status).toBe(200);
    expect((await pc.get('/api/me')).body).toMatchObject({
      error: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录。' },
    });

    // Act: the phone logs out; a copy of its cookie no longer works either
    const before = phone.cookieHeader();
    expect((await phone.delete('/api/session')).status).toBe(200);
    const replay = await local.fetch('/api/me', { headers: { cookie: before } });
    expect(replay.status).toBe(401);
    expect(copied).not.toBe(before);
  });

  it('refuses a name that does not match the roster, and a second activation', async () => {
    const wrongName = await new ApiClient(local).post('/api/candidates/activation', {
      idNumber: '140202198801010032',
      name: '赵钱',
      password: 'pass1234',
      mobile: '13900001111',
    });
    expect(wrongName.status).toBe(404);
    expect(wrongName.body).toMatchObject({ error: { code: 'ROSTER_NOT_FOUND' } });
    const first = await new ApiClient(local).post('/api/candidates/activation', {
      idNumber: '140202198801010032',
      name: '赵强',
      password: 'pass1234',
      mobile: '13900001111',
    });
    const second = await new ApiClient(local).post('/api/candidates/activation', {
      idNumber: '140202198801010032',
      name: '赵强',
      password: 'pass5678',
      mobile: '13900001112',
    });
    expect([first.status, second.status]).toEqual([201, 409]);
  });

  it('locks the account after five wrong passwords, saying until when', async () => {
    const c = new ApiClient(local);
    expect(
      (
        await c.post('/api/candidates/activation', {
          idNumber: '140702199205200069',
          name: '陈静',
          password: 'right1234',
          mobile: '13900002222',
        })
      ).status,
    ).toBe(201);
    const attempts = [];
    for (let i = 0; i < 5; i++)
      attempts.push(
        (await new ApiClient(local).post('/api/session', { account: '140702199205200069', password: 'wrong1234' }))
          .status,
      );
    expect(attempts).toEqual([401, 401, 401, 401, 423]);
    const locked = await new ApiClient(local).post('/api/session', {
      account: '140702199205200069',
      password: 'right1234',
    });
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({
      error: {
        code: 'ACCOUNT_LOCKED',
        message: expect.stringMatching(
          /^登录失败次数过多，账户已锁定，请于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）后再试。$/,
        ),
      },
    });
    const unknown = await new ApiClient(local).post('/api/session', {
      account: '110101199912312345',
      password: 'wrong1234',
    });
    expect(unknown.body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS', message: '账号或密码错误。' } });
  });
});

describe('manual identity review by staff', () => {
  async function staffClient(username: string, password: string) {
    const c = new ApiClient(local);
    const res = await c.post('/api/staff/session', { username, password });
    expect(res.status).toBe(200);
    return c;
  }

  it('lists the identity at its point, and of two parallel decisions exactly one wins', async () => {
    // Prepare: a candidate of 大同 in manual review, an admin and a 太原 staff member.
    const candidate = new ApiClient(local);
    const created = await candidate.post<{ candidateId: string }>('/api/candidates', {
      ...registration(validId('14020219900101123'), '钱七'),
      pointId: 'datong',
    });
    expect(created.status).toBe(201);
    await upload(candidate, 'portrait', portraitProgressiveJpeg());
    await upload(candidate, 'idCardFront', certificateJpeg());
    await upload(candidate, 'handheld', portraitProgressiveJpeg());
    expect((await candidate.post('/api/me/identity/verification')).body).toMatchObject({ status: 'manual_review' });
    const admin = await staffClient(local.system.demoAdmin.username, local.system.demoAdmin.password!);
    await makeCreateStaff({ staff: dynamoStaffStore(), clock: systemClock })(
      { username: 'ty-staff', displayName: '太原工作人员', role: 'staff', points: ['taiyuan'], password: 'staff1234' },
      { kind: 'system', id: 'test' },
    );
    const taiyuanStaff = await staffClient('ty-staff', 'staff1234');

    // Act: the queue of 大同
    const queue = await admin.get<{
      items: Array<{ candidateId: string; version: number; idNumber: string; manualReason: string }>;
    }>('/api/staff/identity-reviews?pointId=datong');
    // Assert
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i) => i.candidateId === created.body.candidateId)!;
    expect(item).toMatchObject({ manualReason: 'disabled', idNumber: expect.stringMatching(/^1402\*{10}\d{3}[\dX]$/) });
    // Staff of another point see neither the queue nor the candidate's photos.
    expect((await taiyuanStaff.get('/api/staff/identity-reviews?pointId=datong')).status).toBe(404);
    expect((await taiyuanStaff.get(`/api/staff/identity-reviews/${item.candidateId}/photos/handheld`)).status).toBe(
      404,
    );
    expect((await admin.get(`/api/staff/identity-reviews/${item.candidateId}/photos/handheld`)).status).toBe(200);
    // A candidate session cannot call staff routes.
    expect((await candidate.get('/api/staff/identity-reviews?pointId=datong')).status).toBe(403);

    // Act: two decisions at once on the same version
    const [a, b] = await Promise.all([
      admin.post(`/api/staff/identity-reviews/${item.candidateId}/decision`, {
        verdict: 'verified',
        version: item.version,
      }),
      admin.post(`/api/staff/identity-reviews/${item.candidateId}/decision`, {
        verdict: 'rejected',
        reason: '照片模糊',
        version: item.version,
      }),
    ]);
    // Assert
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toMatchObject({ error: { code: 'VERSION_CONFLICT' } });
    const me = await candidate.get<{ identity: { status: string } }>('/api/me');
    expect(me.body.identity.status).toBe(a.status === 200 ? 'verified' : 'photo_rejected');
    expect((await admin.get('/api/staff/identity-reviews?pointId=datong')).body).toMatchObject({ items: [] });
  });

  it('refuses a rejection without a reason', async () => {
    const admin = await staffClient(local.system.demoAdmin.username, local.system.demoAdmin.password!);
    const res = await admin.post(`/api/staff/identity-reviews/${'a'.repeat(32)}/decision`, {
      verdict: 'rejected',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { reason: '不通过时请填写原因' } } });
  });
});
