/**
 * Journey of the staff console (SPEC §2.3) in Chromium on a PC, continuing the candidate journey:
 * - a candidate's session does not open the staff pages: they go to the staff login;
 * - the demo admin logs in, looks at the enrolled candidate's identity photos and verifies them by hand;
 * - the candidate (over the API) applies: 太原, two majors, a CET-4 certificate with its photo;
 * - staff find the application in 太原's queue (filters, columns), open it, see every photo load,
 *   rotate and zoom one, download the CSV, and return it with a reason;
 * - the candidate sees the reason and re-applies; a decision made on the stale page is refused (409)
 *   with the server's message and the current state; staff approve 00012 and reject 00015 with a
 *   reason; the candidate's result query shows both (API, then 免考审核结果查询 on a phone);
 * - the admin creates a staff member scoped to 大同, who sees no 管理 menu and cannot open 太原's
 *   queue; a locked account's login says until when;
 * - screenshots at 1280 px and 768 px (a tablet), without page-wide horizontal scrolling.
 * The candidate's side is driven through the API over HTTP (its pages have their own journeys), except
 * the last look at the results, which is the candidate's page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateJpeg, portraitProgressiveJpeg } from '../fixtures/photos/photos.js';
import { validId } from '../support/ids.js';
import {
  DESKTOP,
  PHONE,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  screenshot,
  type TrackedPage,
} from './browser.js';
import { startE2eSystem, type E2eSystem } from './system.js';
import { STAFF_CHUNK_SRC, chunkFiles } from './web-build.js';

let system: E2eSystem;
let browser: Browser;
/** The demo admin's browser (one session for the whole journey). */
let admin: TrackedPage;

/** The demo roster's 王小明 (lib/local/demo-data.ts). */
const WANG = { idNumber: '140102199003071235', name: '王小明', ticketNumber: '010120100001', password: 'pass1234' };
/** The built-in catalog (the shape an admin imports). */
const DEFAULT_CATALOG = path.resolve(import.meta.dirname, '../../functions/domain/catalog/default-catalog.json');

/** Chromium's console line for each 4xx answer the journey provokes on purpose. */
const consoleStatus = (status: number, text: string) =>
  `console: Failed to load resource: the server responded with a status of ${status} (${text})`;

/** A JSON answer. */
interface Answer<T> {
  status: number;
  body: T;
}

/**
 * Someone using the API over HTTP as a browser would: a cookie jar kept by hand and the site's Origin on
 * every call (state-changing routes check it).
 */
class ApiUser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { origin: this.base };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** The presigned flow: create (type and size signed) → PUT the bytes to S3 → complete. */
  async upload<T>(
    createPath: string,
    extra: Record<string, unknown>,
    bytes: Uint8Array,
    completePath: (id: string) => string,
  ) {
    const ticket = await this.call<{ uploadId: string; url: string; headers: Record<string, string> }>(
      'POST',
      createPath,
      { ...extra, contentType: 'image/jpeg', contentLength: bytes.length },
    );
    expect(ticket.status).toBe(201);
    const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: bytes });
    await put.arrayBuffer();
    expect(put.status).toBe(200);
    return this.call<T>('POST', completePath(ticket.body.uploadId));
  }
}

/** The candidate's application as `GET /api/me/application` shows it (the fields the journey reads). */
interface MyApplication {
  application: {
    applicationId: string;
    applicationNumber: string | null;
    status: string;
    statusText: string;
    version: number;
  };
}

let candidate: ApiUser;
let applicationNumber: string;
/** The staff chunk's files in this system's web build. */
let staffFiles: string[];

beforeAll(async () => {
  system = await startE2eSystem();
  browser = await launchBrowser();
  admin = await openPage(browser, DESKTOP);
  candidate = new ApiUser(system.url);
  // Read now, right after this system's build: web/dist is one folder shared with other builds.
  staffFiles = await chunkFiles(STAFF_CHUNK_SRC);
});

afterAll(async () => {
  await admin?.close();
  await browser?.close();
  await system?.stop();
});

/** Waits until every image matched by `selector` (at least `count`) has loaded with real pixels. */
async function imagesLoaded(page: Page, selector: string, count: number): Promise<number[]> {
  const css = JSON.stringify(selector);
  await page.waitForFunction(
    `(() => { const all = [...document.querySelectorAll(${css})];
      return all.length >= ${count} && all.every((img) => img.complete && img.naturalWidth > 0); })()`,
  );
  return page.evaluate<number[]>(`[...document.querySelectorAll(${css})].map((img) => img.naturalWidth)`);
}

/** Texts of a table's body rows, cell by cell. */
function rows(page: Page, tableSelector: string): Promise<string[][]> {
  return page.evaluate<string[][]>(
    `[...document.querySelectorAll(${JSON.stringify(`${tableSelector} tbody tr`)})].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.innerText.trim()))`,
  );
}

describe('staff console', () => {
  it('sends a candidate’s session on the staff pages to the staff login', async () => {
    // Prepare: a candidate of the demo roster signs in, in the browser (the cookie is the browser's)
    const tracked = await openPage(browser, DESKTOP);
    const { page } = tracked;
    await page.goto(system.url);
    const activated = await page.evaluate<number>(`fetch('/api/candidates/activation', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ idNumber: '140105199512120049', name: '李娜', password: 'pass1234', mobile: '13900001111' }),
    }).then((r) => r.status)`);
    expect(activated).toBe(201);

    // Act
    await page.goto(`${system.url}/staff/applications`);
    await page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();

    // Assert: the login form, at /staff, no staff navigation
    expect(new URL(page.url()).pathname).toBe('/staff');
    expect(await page.getByLabel('用户名').isVisible()).toBe(true);
    expect(await page.getByLabel('密码').isVisible()).toBe(true);
    expect(await page.getByRole('navigation', { name: '工作人员导航' }).count()).toBe(0);
    // The frame's session check answered 403 (a candidate's session); the login page asked nothing more
    // (this browser never signed in as staff).
    expect(tracked.errors).toEqual([consoleStatus(403, 'Forbidden')]);
    await tracked.close();
  });

  it('lets staff verify an identity by hand after looking at its photos', async () => {
    // Prepare: 王小明 activates, uploads the 两照 and asks for verification (manual review locally)
    const activated = await candidate.call('POST', '/api/candidates/activation', {
      idNumber: WANG.idNumber,
      name: WANG.name,
      password: WANG.password,
      mobile: '13900002222',
    });
    expect(activated.status).toBe(201);
    for (const [slot, bytes] of [
      ['idCardFront', certificateJpeg()],
      ['handheld', portraitProgressiveJpeg()],
    ] as const) {
      const done = await candidate.upload(
        '/api/me/identity/uploads',
        { slot },
        bytes,
        (id) => `/api/me/identity/uploads/${id}/complete`,
      );
      expect(done.status).toBe(200);
    }
    const verification = await candidate.call<{ status: string }>('POST', '/api/me/identity/verification');
    expect(verification.body.status).toBe('manual_review');

    // Act: the admin logs in (the page asks /api/staff/me first: 401 while signed out)
    const { page } = admin;
    await page.goto(`${system.url}/staff`);
    await page.getByLabel('用户名').fill(system.demoAdmin.username);
    await page.getByLabel('密码').fill(system.demoAdmin.password!);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '免考申请审核' }).waitFor();

    // Assert: the staff navigation with 管理 (an admin), the name and 退出
    const nav = page.getByRole('navigation', { name: '工作人员导航' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['申请审核', '身份核验', '管理']);
    expect(await page.locator('.staff-user-name').innerText()).toBe('演示管理员（省级管理员）');
    expect(await page.getByRole('button', { name: '退出' }).isVisible()).toBe(true);
    // The site header leaves staff matters to that bar.
    expect(await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts()).toEqual(['首页']);

    // Act + Assert: the login page, once signed in, goes straight on to the queue
    await page.goto(`${system.url}/staff`);
    await page.getByRole('heading', { level: 1, name: '免考申请审核' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/staff/applications');

    // Act: 身份核验, 太原 (the first point)
    await nav.getByRole('link', { name: '身份核验' }).click();
    await page.getByRole('heading', { level: 1, name: '人工身份核验' }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /王小明/ }) });
    await card.waitFor();

    // Assert: the facts and both photos, loaded, side by side
    expect(await page.getByLabel('确认点', { exact: true }).inputValue()).toBe('taiyuan');
    expect(await card.getByRole('heading', { level: 2 }).innerText()).toBe('王小明 在籍考生');
    expect(await card.locator('.facts').innerText()).toContain('1401**********1235');
    expect(await card.locator('.facts').innerText()).toContain('未启用自动人脸比对');
    const widths = await imagesLoaded(page, '.review-card .photo-img', 2);
    expect(widths).toEqual([1024, 480]);
    expect(await card.locator('.photo-caption').allInnerTexts()).toEqual(['身份证人像面', '手持身份证照']);
    const boxes = await Promise.all([0, 1].map((i) => card.locator('.photo-frame').nth(i).boundingBox()));
    expect(boxes[0]!.y).toBe(boxes[1]!.y);
    expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + boxes[0]!.width);
    await screenshot(page, 'staff-identity-1280');

    // Act: 通过
    await card.getByRole('button', { name: '通过', exact: true }).click();

    // Assert: said on the page, gone from the queue, verified for the candidate
    await page.getByRole('status').filter({ hasText: '王小明的身份核验已通过。' }).waitFor();
    await page.getByText('太原市招生考试中心暂无待人工核验的考生。').waitFor();
    const me = await candidate.call<{ identity: { status: string }; eligibility: { canApply: boolean } }>(
      'GET',
      '/api/me',
    );
    expect(me.body.identity.status).toBe('verified');
    expect(me.body.eligibility.canApply).toBe(true);
  });

  it('shows the submitted application in 太原’s queue and its detail with every photo; staff return it with a reason', async () => {
    // Prepare: the candidate applies — 太原, 020204 会计 and 030112 法律, a CET-4 certificate with a photo
    const choices = await candidate.call<{ version: number }>('PUT', '/api/me/application/choices', {
      pointId: 'taiyuan',
      majors: ['020204', '030112'],
    });
    expect(choices.status).toBe(200);
    const photo = await candidate.upload<{ photoId: string }>(
      '/api/me/application/photo-uploads',
      {},
      certificateJpeg(),
      (id) => `/api/me/application/photo-uploads/${id}/complete`,
    );
    expect(photo.status).toBe(200);
    const certificate = await candidate.call<{ version: number }>('POST', '/api/me/application/certificates', {
      certificateTypeId: 'cet-4',
      examTime: '2019-06',
      subject: '大学英语四级',
      certificateNumber: 'CET4-0001',
      courses: ['00012', '00015'],
      photoIds: [photo.body.photoId],
      version: choices.body.version,
    });
    expect(certificate.status).toBe(201);
    const submitted = await candidate.call<{ applicationNumber: string; status: string }>(
      'POST',
      '/api/me/application/submission',
      { version: certificate.body.version },
    );
    expect(submitted.body.status).toBe('submitted');
    applicationNumber = submitted.body.applicationNumber;

    // Act: the queue
    const { page } = admin;
    await page.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '申请审核' }).click();
    await page.getByRole('link', { name: applicationNumber }).waitFor();

    // Assert: filters, columns and the row
    expect(await page.getByLabel('确认点', { exact: true }).inputValue()).toBe('taiyuan');
    expect(await page.locator('.queue-table thead th').allInnerTexts()).toEqual([
      '申请编号',
      '姓名',
      '身份证号',
      '准考证号',
      '专业',
      '课程数',
      '状态',
      '申请次数',
      '提交时间',
    ]);
    const [row] = await rows(page, '.queue-table');
    expect(row!.slice(0, 8)).toEqual([
      applicationNumber,
      '王小明',
      '1401**********1235',
      '010120100001',
      '020204 会计\n030112 法律',
      '2',
      '已提交，待审核',
      '第1次',
    ]);
    expect(row![8]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/);
    expect(await page.getByRole('link', { name: '导出CSV' }).getAttribute('href')).toBe(
      '/api/staff/applications-export?pointId=taiyuan',
    );

    // Act + Assert: the 状态 filter (被退回: none yet), then back to 全部
    await page.getByLabel('状态').selectOption('returned');
    await page.getByText('暂无符合条件的申请。').waitFor();
    expect(new URL(page.url()).search).toBe('?point=taiyuan&status=returned');
    await page.getByLabel('状态').selectOption('');
    await page.getByRole('link', { name: applicationNumber }).waitFor();

    // Act + Assert: 导出CSV downloads the point's applications, UTF-8 with BOM, one row per course
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '导出CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeff申请编号,姓名,身份证号')).toBe(true);
    expect(csv.split('\r\n').filter((line) => line.startsWith(applicationNumber))).toHaveLength(2);

    // Screenshots of the queue: PC and tablet
    await screenshot(page, 'staff-queue-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'staff-queue-768');
    await page.setViewportSize(DESKTOP.viewport!);

    // Act: open the detail by clicking the row
    await page.getByRole('row').filter({ hasText: applicationNumber }).getByRole('cell', { name: '王小明' }).click();
    await page.getByRole('heading', { level: 1, name: `申请详情 ${applicationNumber}` }).waitFor();

    // Assert: what the candidate entered, the identity result, the attempt
    const main = page.getByRole('main');
    expect(await main.locator('.detail-status').innerText()).toBe('已提交，待审核\n第1次申请');
    const applicant = await page.getByRole('region', { name: '考生信息' }).innerText();
    for (const text of ['王小明', '男', WANG.idNumber, WANG.ticketNumber, '13900002222'])
      expect(applicant).toContain(text);
    const identity = await page.getByRole('region', { name: '身份核验' }).innerText();
    expect(identity).toContain('认证通过');
    expect(identity).toContain('未进行自动比对');
    expect(identity).toContain('工作人员 admin');
    const certificates = await page.getByRole('region', { name: '证书与免考课程' }).innerText();
    for (const text of ['大学英语四级', '2019年6月', 'CET4-0001', '00012 英语(一)', '00015 英语(二)'])
      expect(certificates).toContain(text);

    // Assert: every photo loads (two identity photos, one certificate photo), side by side
    expect(await imagesLoaded(page, '.photo-img', 3)).toEqual([1024, 480, 1024]);
    expect(await page.getByRole('list', { name: '身份照片' }).locator('.photo-caption').allInnerTexts()).toEqual([
      '身份证人像面',
      '手持身份证照',
    ]);

    // Act + Assert: rotate the certificate photo a quarter turn (and back the other way)
    const certPhotos = page.getByRole('list', { name: '证书1照片' });
    const certImg = certPhotos.locator('.photo-img');
    await certPhotos.getByRole('button', { name: '向右旋转' }).click();
    expect(await certImg.getAttribute('style')).toBe('transform: rotate(90deg);');
    await certPhotos.getByRole('button', { name: '向左旋转' }).click();
    await certPhotos.getByRole('button', { name: '向左旋转' }).click();
    expect(await certImg.getAttribute('style')).toBe('transform: rotate(270deg);');

    // Act + Assert: enlarge it, zoom in (larger than the fitted size), close with Esc
    await certPhotos.getByRole('button', { name: /^放大查看/ }).click();
    const dialog = page.getByRole('dialog', { name: /^查看照片/ });
    await dialog.waitFor();
    await imagesLoaded(page, 'dialog .photo-stage-img', 1);
    const fitted = await dialog.locator('.photo-stage-img').boundingBox();
    expect(await dialog.locator('.photo-stage-img').getAttribute('data-rotation')).toBe('270');
    await dialog.getByRole('button', { name: '放大' }).click();
    expect(await dialog.locator('.photo-zoom').innerText()).toBe('150%');
    const zoomed = await dialog.locator('.photo-stage-img').boundingBox();
    expect(zoomed!.width / fitted!.width).toBeCloseTo(1.5, 2);
    await page.keyboard.press('+');
    expect(await dialog.locator('.photo-zoom').innerText()).toBe('200%');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate<string>(`document.activeElement.getAttribute('aria-label')`)).toBe(
      '放大查看：证书1照片（1024×768）',
    );

    // Screenshots of the detail: PC and tablet
    await screenshot(page, 'staff-detail-1280');
    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'staff-detail-768');
    await page.setViewportSize(DESKTOP.viewport!);

    // Act: 退回 without a reason, then with one
    await page.getByRole('button', { name: '退回申请' }).click();
    expect(await page.locator('#return-error').innerText()).toBe('请填写退回原因');
    await page.getByLabel('退回原因').fill('证书编号有误');
    await page.getByRole('button', { name: '退回申请' }).click();

    // Assert: said, reloaded in its new state; 退回 is no longer offered; the audit trail
    const done = page.getByRole('status').filter({ hasText: '申请已退回' });
    await done.waitFor();
    await done.getByText('当前状态：被退回（退回原因：证书编号有误）').waitFor();
    expect(await page.getByRole('button', { name: '退回申请' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: '退回记录' }).innerText()).toContain('证书编号有误');
    const audit = await rows(page, '.audit-table');
    expect(audit.map((r) => r.slice(1))).toEqual([
      ['考生', '身份核验：上传照片', '身份证人像面'],
      ['考生', '身份核验：上传照片', '手持身份证照'],
      ['考生', '身份核验：提交认证', '人工审核中'],
      ['工作人员 admin', '身份核验：人工审核', '认证通过'],
      ['考生', '选择确认点和专业', '专业：020204、030112'],
      ['考生', '添加证书', '课程：00012、00015'],
      ['考生', '提交申请', '第1次申请'],
      ['工作人员 admin', '退回', '退回原因：证书编号有误'],
    ]);
  });

  it('after the candidate re-applies, refuses a decision made on the stale page, then records per-course decisions the candidate sees', async () => {
    // Prepare: the candidate sees the reason, re-applies and submits again (a second attempt)
    const returned = await candidate.call<MyApplication>('GET', '/api/me/application');
    expect(returned.body.application).toMatchObject({
      status: 'returned',
      statusText: '被退回（退回原因：证书编号有误）',
    });
    const reapplied = await candidate.call<{ version: number; attempt: number }>(
      'POST',
      '/api/me/application/reapplication',
      { version: returned.body.application.version },
    );
    expect(reapplied.body.attempt).toBe(2);
    const again = await candidate.call<{ status: string }>('POST', '/api/me/application/submission', {
      version: reapplied.body.version,
    });
    expect(again.body.status).toBe('submitted');

    // Act: staff decide on the page that still shows the returned application
    const { page } = admin;
    const form = page.getByRole('form', { name: '审核' });
    const course = (code: string) => form.getByRole('group', { name: new RegExp(`^${code}`) });
    await course('00012').getByLabel('通过', { exact: true }).check();
    await course('00015').getByLabel('通过', { exact: true }).check();
    await form.getByRole('button', { name: '提交审核结果' }).click();

    // Assert: the server's message and the current state, loaded again (第2次申请)
    const conflict = page.getByRole('alert').filter({ hasText: '该申请已被更新' });
    await conflict.waitFor();
    await conflict.getByText('当前状态：已提交，待审核').waitFor();
    expect(await conflict.locator('.notice-title').innerText()).toBe(
      '该申请已被更新（可能已被其他工作人员处理或考生已重新申请），请刷新后查看当前状态。',
    );
    expect(await page.locator('.detail-status').innerText()).toBe('已提交，待审核\n第2次申请');
    // The photos of the reloaded detail load too.
    expect(await imagesLoaded(page, '.photo-img', 3)).toEqual([1024, 480, 1024]);

    // Act: 00012 通过, 00015 不通过 — first without the reason
    await course('00012').getByLabel('通过', { exact: true }).check();
    await course('00015').getByLabel('不通过', { exact: true }).check();
    await form.getByRole('button', { name: '提交审核结果' }).click();
    expect(await course('00015').locator('.field-error').innerText()).toBe('不通过时请填写原因');
    await course('00015').getByLabel('不通过原因').fill('成绩单分数不足');
    await form.getByRole('button', { name: '提交审核结果' }).click();

    // Assert: done, 审核完成, the decisions, no more actions, the audit trail's last entries
    await page.getByRole('status').filter({ hasText: '审核结果已提交。' }).waitFor();
    await page.getByText('当前状态：审核完成').waitFor();
    expect(await page.locator('.detail-status').innerText()).toBe('审核完成\n第2次申请');
    expect(await rows(page, '[aria-labelledby="decisions-heading"] .table')).toEqual([
      ['00012 英语(一)', '通过', '—'],
      ['00015 英语(二)', '不通过', '成绩单分数不足'],
    ]);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByText('该申请已审核完成。').isVisible()).toBe(true);
    const audit = await rows(page, '.audit-table');
    expect(audit.slice(-3).map((r) => r.slice(1))).toEqual([
      ['考生', '重新申请', '考生修改后将再次提交'],
      ['考生', '提交申请', '第2次申请'],
      ['工作人员 admin', '审核', '00012 英语(一)：通过；00015 英语(二)：不通过（成绩单分数不足）'],
    ]);

    // Assert: the candidate's result query shows both courses
    const results = await candidate.call<{ status: string; results: unknown[] }>('GET', '/api/me/application/results');
    expect(results.body.status).toBe('decided');
    expect(results.body.results).toEqual([
      expect.objectContaining({
        code: '00012',
        verdict: 'approved',
        verdictText: '审核通过（准予免考）',
        reason: null,
      }),
      expect.objectContaining({
        code: '00015',
        verdict: 'rejected',
        verdictText: '审核不通过',
        reason: '成绩单分数不足',
      }),
    ]);

    // Assert: and in the candidate's own browser, on a phone: 免考审核结果查询 (after logging in)
    const phone = await openPage(browser, PHONE);
    await phone.page.goto(`${system.url}/results`);
    await phone.page.getByLabel('身份证号或准考证号').fill(WANG.ticketNumber);
    await phone.page.getByLabel('密码', { exact: true }).fill(WANG.password);
    await phone.page.getByRole('button', { name: '登录', exact: true }).click();
    await phone.page.getByRole('heading', { level: 1, name: '免考审核结果查询' }).waitFor();
    await phone.page.locator('.results-table tbody tr').first().waitFor();
    const cet4 = '全国大学英(日)语等级考试四级及以上证书或成绩单';
    expect(await rows(phone.page, '.results-table')).toEqual([
      ['00012', '英语(一)', cet4, '审核通过（准予免考）', '—'],
      ['00015', '英语(二)', cet4, '审核不通过', '成绩单分数不足'],
    ]);
    await screenshot(phone.page, 'staff-journey-candidate-results-phone');
    await phone.close();

    // Assert: the queue's 审核完成 filter now lists it, and 返回申请列表 returns to the list
    await page.getByRole('link', { name: '‹ 返回申请列表' }).click();
    await page.getByLabel('状态').selectOption('decided');
    // The unfiltered list showed the same link: poll until the filtered page has replaced it.
    await expect
      .poll(async () => (await rows(page, '.queue-table')).map((r) => r.slice(6, 8)), { timeout: 10_000 })
      .toEqual([['审核完成', '第2次']]);
    await page.getByRole('link', { name: applicationNumber }).waitFor();
    // 409 answers are logged by Chromium as failed resources; nothing else went wrong.
    expect(admin.errors.filter((e) => !e.includes('409 (Conflict)') && !e.includes('401 (Unauthorized)'))).toEqual([]);
  });

  it('lets the admin create a staff member scoped to 大同, who has no 管理 menu and cannot open 太原’s queue', async () => {
    // Act: 管理 → 工作人员账户 → 新建账户
    const { page } = admin;
    await page.getByRole('navigation', { name: '工作人员导航' }).getByRole('link', { name: '管理' }).click();
    await page.getByRole('heading', { level: 1, name: '工作人员账户' }).waitFor();
    expect(await page.getByRole('navigation', { name: '管理功能' }).getByRole('link').allInnerTexts()).toEqual([
      '工作人员账户',
      '在籍考生名册导入',
      '免考申请期间',
      '通知公告',
      '专业目录导入',
    ]);
    await page.getByLabel('用户名').fill('datong01');
    await page.getByLabel('姓名').fill('大同审核员');
    await page.getByLabel('大同市招生考试中心').check();
    await page.getByLabel('初始密码').fill('datong1234');
    await page.getByRole('button', { name: '创建账户' }).click();

    // Assert: created and listed
    await page.getByRole('status').filter({ hasText: '已创建账户 datong01（大同审核员）。' }).waitFor();
    const listed = (await rows(page, '.accounts-table')).find((r) => r[0] === 'datong01');
    expect(listed!.slice(0, 5)).toEqual(['datong01', '大同审核员', '确认点工作人员', '大同市招生考试中心', '正常']);
    await screenshot(page, 'staff-admin-accounts-1280');

    // Act: the new staff member logs in in another browser
    const other = await openPage(browser, DESKTOP);
    await other.page.goto(`${system.url}/staff`);
    await other.page.getByLabel('用户名').fill('datong01');
    await other.page.getByLabel('密码').fill('datong1234');
    await other.page.getByRole('button', { name: '登录' }).click();
    await other.page.getByRole('heading', { level: 1, name: '免考申请审核' }).waitFor();

    // Assert: no 管理; only 大同 to choose; 太原's queue refused with the server's message
    const nav = other.page.getByRole('navigation', { name: '工作人员导航' });
    expect(await nav.getByRole('link').allInnerTexts()).toEqual(['申请审核', '身份核验']);
    const select = other.page.getByLabel('确认点', { exact: true });
    expect(await select.locator('option').allInnerTexts()).toEqual(['大同市招生考试中心']);
    await other.page.getByText('暂无符合条件的申请。').waitFor();
    await other.page.goto(`${system.url}/staff/applications?point=taiyuan`);
    const refused = other.page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^加载失败\n\n记录不存在或不在您负责的确认点。\n\n错误编号：\S+$/);
    expect(await other.page.getByRole('link', { name: applicationNumber }).count()).toBe(0);
    await other.page.goto(`${system.url}/staff/admin/accounts`);
    await other.page.getByText('该功能仅限省级管理员使用。').waitFor();

    // Act + Assert: 退出 ends the session: the staff pages go back to the login
    await other.page.getByRole('button', { name: '退出' }).click();
    await other.page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
    await other.page.goto(`${system.url}/staff/identity`);
    await other.page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();
    await other.close();
  });

  it('lets the admin import a roster (a GBK file, a bad row reported), set the window, publish a notice and import a catalog', async () => {
    const { page } = admin;
    const adminNav = page.getByRole('navigation', { name: '管理功能' });

    // Act: 在籍考生名册导入 — a CSV saved by Excel on Chinese Windows (GBK), one good row, one bad
    const zhang = validId('14010219950505001');
    const gbk = (bytes: number[], ascii: string) => Buffer.concat([Buffer.from(bytes), Buffer.from(ascii)]);
    const file = Buffer.concat([
      gbk([0xd5, 0xc5, 0xce, 0xb0], `,${zhang},010120100009,020204;030112,taiyuan\r\n`), // 张伟
      gbk([0xc0, 0xee, 0xcb, 0xc4], ',1401021995,010120100010,020204,taiyuan\r\n'), // 李四
    ]);
    await adminNav.getByRole('link', { name: '在籍考生名册导入' }).click();
    await page.getByLabel('选择CSV文件').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: file });
    await page.getByText('已读取文件：roster.csv').waitFor();
    // Decoded as GB18030; a textarea's value has its line breaks normalised to LF.
    expect(await page.getByLabel('名册内容').inputValue()).toBe(
      `张伟,${zhang},010120100009,020204;030112,taiyuan\n李四,1401021995,010120100010,020204,taiyuan\n`,
    );
    await page.getByRole('button', { name: '导入名册' }).click();

    // Assert: the report, and the imported candidate can activate
    const report = page.getByRole('region', { name: '导入结果' });
    await report.waitFor();
    expect(await report.locator('p').first().innerText()).toBe('成功导入 1 行，未导入 1 行。');
    expect(await rows(page, '[aria-labelledby="roster-report"] .table')).toEqual([
      ['第2行', '身份证号：身份证号应为18位'],
    ]);
    const zhangActivates = await new ApiUser(system.url).call('POST', '/api/candidates/activation', {
      idNumber: zhang,
      name: '张伟',
      password: 'pass1234',
      mobile: '13900004444',
    });
    expect(zhangActivates.status).toBe(201);

    // Act: 免考申请期间 — from yesterday 09:00 to 30 days on 17:30, Beijing time
    const beijingDay = (offsetDays: number) =>
      new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
    const [opens, closes] = [`${beijingDay(-1)}T09:00`, `${beijingDay(30)}T17:30`];
    await adminNav.getByRole('link', { name: '免考申请期间' }).click();
    await page.getByLabel('开始时间（北京时间）').fill(opens);
    await page.getByLabel('结束时间（北京时间）').fill(closes);
    await page.getByRole('button', { name: '保存申请期间' }).click();

    // Assert: said, and the API's window is those instants in +08:00
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const catalogNow = (await (await fetch(`${system.url}/api/catalog`)).json()) as {
      window: { opensAt: string; closesAt: string; open: boolean };
    };
    expect(catalogNow.window).toEqual({
      opensAt: new Date(`${opens}:00+08:00`).toISOString(),
      closesAt: new Date(`${closes}:00+08:00`).toISOString(),
      open: true,
    });
    expect(await page.getByLabel('开始时间（北京时间）').inputValue()).toBe(opens);
    expect(await page.getByText('当前设置：').innerText()).toMatch(/ 09:00 至 .* 17:30开放中$/);

    // Act + Assert: 通知公告
    await adminNav.getByRole('link', { name: '通知公告' }).click();
    await page.getByLabel('标题').fill('关于免考申请的通知');
    await page.getByLabel('内容').fill('请在申请期间内提交免考申请。');
    await page.getByRole('button', { name: '发布公告' }).click();
    await page.getByRole('status').filter({ hasText: '已发布：关于免考申请的通知' }).waitFor();
    await page.locator('.notice-feed-title').filter({ hasText: '关于免考申请的通知' }).waitFor();
    const notices = (await (await fetch(`${system.url}/api/notices`)).json()) as { items: Array<{ title: string }> };
    expect(notices.items.map((n) => n.title)).toEqual(['关于免考申请的通知']);

    // Act: 专业目录导入 — a catalog whose 法律 plan names a course that does not exist
    const catalog = JSON.parse(await readFile(DEFAULT_CATALOG, 'utf8')) as {
      version: string;
      majors: Array<{ code: string; planCourses: string[] }>;
      courses: unknown[];
      certificateTypes: unknown[];
      exemptionRules: unknown[];
      confirmationPoints: unknown[];
    };
    const broken = structuredClone(catalog);
    broken.majors.find((m) => m.code === '030112')!.planCourses[0] = '99999';
    await adminNav.getByRole('link', { name: '专业目录导入' }).click();
    const chooser = page.getByLabel('专业目录文件（JSON）');
    await chooser.setInputFiles({
      name: 'catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    await page.getByRole('button', { name: '导入专业目录' }).click();

    // Assert: refused with the problem's place and reason
    const refused = page.getByRole('alert');
    await refused.waitFor();
    expect(await refused.innerText()).toBe(
      '专业目录存在错误，未作任何更改。\n\nmajors.030112.planCourses：课程 99999 不存在',
    );

    // Act + Assert: the sound catalog is taken, with its counts
    await chooser.setInputFiles({
      name: 'catalog.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(catalog)),
    });
    await page.getByRole('button', { name: '导入专业目录' }).click();
    const taken = page.getByRole('status').filter({ hasText: '专业目录已更新' });
    await taken.waitFor();
    expect(await taken.innerText()).toBe(
      `专业目录已更新（版本 ${catalog.version}）\n\n专业 ${catalog.majors.length} 个，课程 ${catalog.courses.length} 门，证书类型 ${catalog.certificateTypes.length} 种，免考规则 ${catalog.exemptionRules.length} 条，免考确认点 ${catalog.confirmationPoints.length} 个。`,
    );
    await screenshot(page, 'staff-admin-catalog-1280');
  });

  it('says until when an account is locked after repeated wrong passwords', async () => {
    // Prepare: four wrong passwords over the API (the fifth locks)
    const someone = new ApiUser(system.url);
    for (let i = 0; i < 4; i++) {
      const wrong = await someone.call('POST', '/api/staff/session', { username: 'datong01', password: 'wrong1234' });
      expect(wrong.status).toBe(401);
    }
    const tracked = await openPage(browser, DESKTOP);
    const { page } = tracked;
    await page.goto(`${system.url}/staff`);

    // Act: the fifth, in the browser
    await page.getByLabel('用户名').fill('datong01');
    await page.getByLabel('密码').fill('wrong1234');
    await page.getByRole('button', { name: '登录' }).click();

    // Assert
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(
      /^登录失败次数过多，账户已锁定，请于 \d{4}-\d\d-\d\d \d\d:\d\d（北京时间）后再试。$/,
    );
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    await tracked.close();
  });

  it('loads the staff pages as their own chunk', async () => {
    // The staff chunk is what the journey above ran on (the home page's journey checks candidates never load it).
    expect(staffFiles.every((file) => admin.requests.some((url) => new URL(url).pathname === file))).toBe(true);
  });
});
