/**
 * Journeys of the exemption application (免考申请, SPEC §2.2; seed §四–五) on a phone in Chromium,
 * against the whole local system (DynamoDB Local, the S3 emulator that checks presigned signatures,
 * the real handlers and rule engine):
 * - 王小明 (demo roster, verified by the demo admin through the API) logs in, opens 免考申请 from
 *   个人中心, is refused a 停 major, chooses 太原 and two majors, adds two certificates with real
 *   photos (one a 12-megapixel camera photo over 3 MB, prepared in the browser), is told by the server
 *   that a practical course needs its theory course, deletes a certificate and adds it again, confirms,
 *   submits, opens the detail page and its A4 print layout, and sees 待审核 in 免考审核结果查询;
 *   staff return the application and he re-applies once with his previous content;
 * - 李娜 (enrolled in a 停 major) has a change made in another tab: the page reloads, says so, and
 *   drops the course that is now claimed.
 * Screenshots at 390 px, 1280 px and in print media go to test-results/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { MyApplicationView as MyApplicationViewSchema } from '../../functions/domain/application/api.js';
import { CERTIFICATE_PHOTO_RULES } from '../../functions/domain/photos.js';
import type { CatalogView } from '../../functions/routes.js';
import { CERTIFICATE_PHOTO_LIMITS } from '../../web/src/apply/photo-limits.js';
import { certificateJpeg, portraitProgressiveJpeg } from '../fixtures/photos/photos.js';
import {
  DESKTOP,
  PHONE,
  RESULTS_DIR,
  hasHorizontalScroll,
  type InPageElement,
  launchBrowser,
  openPage,
  screenshot,
} from './browser.js';
import { startE2eSystem, type E2eSystem } from './system.js';

type MyApplication = z.infer<typeof MyApplicationViewSchema>;

/** ImageMagick 6 from Debian (`apt-get install -y imagemagick`). */
const CONVERT = process.env.IMAGEMAGICK_CONVERT ?? '/usr/bin/convert';

const PASSWORD = 'abcd1234';
/** Demo roster (lib/local/demo-data.ts): majors 020204 会计 (本科) and 080702. */
const WANG = { idNumber: '140102199003071235', name: '王小明', mobile: '13812345678' };
/** Demo roster: enrolled in 040112 小学教育, a 停 major. */
const LI = { idNumber: '140105199512120049', name: '李娜', mobile: '13912345678' };
/** Demo roster: 晋中, 大同. */
const CHEN = { idNumber: '140702199205200069', name: '陈静', mobile: '13612345678' };
const ZHAO = { idNumber: '140202198801010032', name: '赵强', mobile: '13512345678' };
/** Demo roster: a long name with a middle dot. */
const AYGUL = { idNumber: '650102199806150025', name: '阿依古丽·买买提', mobile: '13712345678' };

const CET4 = '全国大学英(日)语等级考试四级及以上证书或成绩单';
const NCRE1 = '全国计算机等级考试(NCRE)NCRE一级及以上合格证书';
const PETS3 = '全国公共英语等级考试PETS三级及以上证书';
/** Chromium's console line for each 4xx answer the journey provokes on purpose. */
const consoleStatus = (status: number, text: string) =>
  `console: Failed to load resource: the server responded with a status of ${status} (${text})`;

let system: E2eSystem;
let browser: Browser;
let catalog: z.infer<typeof CatalogView>;
let tmp: string;
/** Files the candidate picks. */
const files = { certificate: '', camera: '', small: '' };

// ── HTTP set-up (identity verification is not what these journeys test) ───────────────────────────

/** A browser-like API client: its own cookie jar and the system's Origin. */
class Http {
  private readonly cookies = new Map<string, string>();

  async call<T>(method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { origin: system.url };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(`${system.url}${p}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Like {@link call}, but fails the test unless the status is `expected`. */
  async ok<T>(method: string, p: string, body: unknown, expected = 200): Promise<T> {
    const res = await this.call<T>(method, p, body);
    expect(res.status, `${method} ${p}: ${JSON.stringify(res.body)}`).toBe(expected);
    return res.body;
  }

  /** Create → PUT to S3 → complete, for identity (`/api/me/identity/uploads`) or certificate photos. */
  async upload<T>(createPath: string, completePath: (id: string) => string, extra: object, bytes: Uint8Array) {
    const ticket = await this.ok<{ uploadId: string; url: string; headers: Record<string, string> }>(
      'POST',
      createPath,
      { ...extra, contentType: 'image/jpeg', contentLength: bytes.length },
      201,
    );
    const put = await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes });
    expect(put.status).toBe(200);
    return this.ok<T>('POST', completePath(ticket.uploadId), undefined);
  }
}

/** Activates an enrolled candidate (signed in, identity not yet verified). */
async function activatedCandidate(person: { idNumber: string; name: string; mobile: string }): Promise<Http> {
  const candidate = new Http();
  await candidate.ok('POST', '/api/candidates/activation', { ...person, password: PASSWORD }, 201);
  return candidate;
}

/** Activates an enrolled candidate, uploads the 两照 and has the demo admin verify the identity. */
async function verifiedCandidate(
  person: { idNumber: string; name: string; mobile: string },
  pointId = 'taiyuan',
): Promise<Http> {
  const candidate = await activatedCandidate(person);
  for (const [slot, bytes] of [
    ['idCardFront', certificateJpeg()],
    ['handheld', portraitProgressiveJpeg()],
  ] as const) {
    await candidate.upload(
      '/api/me/identity/uploads',
      (id) => `/api/me/identity/uploads/${id}/complete`,
      { slot },
      bytes,
    );
  }
  const identity = await candidate.ok<{ status: string }>('POST', '/api/me/identity/verification', undefined);
  expect(identity.status).toBe('manual_review');

  const admin = new Http();
  await admin.ok('POST', '/api/staff/session', {
    username: system.demoAdmin.username,
    password: system.demoAdmin.password,
  });
  const queue = await admin.ok<{ items: Array<{ candidateId: string; name: string; version: number }> }>(
    'GET',
    `/api/staff/identity-reviews?pointId=${pointId}`,
    undefined,
  );
  const item = queue.items.find((i) => i.name === person.name);
  expect(item, `${person.name} in the identity queue`).toBeDefined();
  await admin.ok('POST', `/api/staff/identity-reviews/${item!.candidateId}/decision`, {
    verdict: 'verified',
    version: item!.version,
  });
  return candidate;
}

/** Adds a certificate through the API (the "other tab"), with one uploaded photo. */
async function addCertificateByApi(client: Http, body: Record<string, unknown>): Promise<void> {
  const photo = await client.upload<{ photoId: string }>(
    '/api/me/application/photo-uploads',
    (id) => `/api/me/application/photo-uploads/${id}/complete`,
    {},
    certificateJpeg(),
  );
  const { application } = await client.ok<MyApplication>('GET', '/api/me/application', undefined);
  await client.ok(
    'POST',
    '/api/me/application/certificates',
    { ...body, photoIds: [photo.photoId], version: application!.version },
    201,
  );
}

// ── Browser helpers ────────────────────────────────────────────────────────────────────────────────

async function login(page: Page, idNumber: string): Promise<void> {
  await page.goto(`${system.url}/login`);
  await page.getByLabel('身份证号或准考证号').fill(idNumber);
  await page.getByRole('textbox', { name: '密码' }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
}

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

/** The rows of the certificate table as the eye reads them: [证书, 证书信息, 免考课程]. */
async function certificateRows(page: Page): Promise<string[][]> {
  const rows = page.locator('.cert-table tbody tr:not(.cert-empty)');
  const out: string[][] = [];
  for (const row of await rows.all()) {
    const cells = row.locator('td');
    out.push([
      await cells.nth(1).innerText(),
      (await cells.nth(2).locator('li').allInnerTexts()).join(' | '),
      (await cells.nth(3).locator('li').allInnerTexts()).join(' | '),
    ]);
  }
  return out;
}

interface CertificateForm {
  type: string;
  year: string;
  month: string;
  subject: string;
  number: string;
  courses: string[];
  photo: string;
}

/** Fills 填写证书信息及免考课程 and uploads the photo (waits for 上传成功); does not press 确定. */
async function fillCertificate(page: Page, form: CertificateForm): Promise<void> {
  await page.getByRole('radio', { name: form.type, exact: true }).check();
  await page.getByRole('combobox', { name: '考试时间（年）' }).selectOption(form.year);
  await page.getByRole('combobox', { name: '考试时间（月）' }).selectOption(form.month);
  await page.getByLabel('考试科目：').selectOption(form.subject);
  await page.getByLabel('证书编号：').fill(form.number);
  for (const course of form.courses) await page.getByRole('checkbox', { name: course, exact: true }).check();
  await choosePhoto(page, form.photo);
  await page.getByText('上传成功').waitFor();
}

/** Picks a file with 从相册选择 (the album input; the camera one has `capture`). */
async function choosePhoto(page: Page, file: string): Promise<void> {
  await page.locator('.cert-photo input[type="file"]:not([capture])').setInputFiles(file);
}

const courseBoxes = (page: Page) => page.getByRole('group', { name: '免考课程：' }).getByRole('checkbox');

beforeAll(async () => {
  system = await startE2eSystem();
  browser = await launchBrowser();
  catalog = (await (await fetch(`${system.url}/api/catalog`)).json()) as z.infer<typeof CatalogView>;
  tmp = await mkdtemp(path.join(tmpdir(), 'e2e-application-'));
  files.certificate = path.join(tmp, 'certificate.jpg');
  files.small = path.join(tmp, 'small.jpg');
  files.camera = path.join(tmp, 'camera.jpg');
  await writeFile(files.certificate, certificateJpeg());
  await writeFile(files.small, portraitProgressiveJpeg());
  // A phone camera photo of a certificate: 4000×3000, over 3 MB (too big to upload as it is).
  try {
    // prettier-ignore
    execFileSync(CONVERT, ['-seed', '11', '-size', '4000x3000', 'plasma:fractal', '-quality', '92', '-strip', files.camera]);
  } catch (error) {
    throw new Error(`ImageMagick is needed to make the camera photo (${CONVERT}): apt-get install -y imagemagick`, {
      cause: error,
    });
  }
  expect((await readFile(files.camera)).length).toBeGreaterThan(CERTIFICATE_PHOTO_RULES.maxBytesExclusive);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('certificate photo limits', () => {
  it('prepares photos in the browser to what the server accepts (> 800×600, < 3 MB)', () => {
    expect(CERTIFICATE_PHOTO_LIMITS.maxBytesExclusive).toBe(CERTIFICATE_PHOTO_RULES.maxBytesExclusive);
    expect(CERTIFICATE_PHOTO_LIMITS.minLongSide).toBe(CERTIFICATE_PHOTO_RULES.minLongSideExclusive + 1);
    expect(CERTIFICATE_PHOTO_LIMITS.minShortSide).toBe(CERTIFICATE_PHOTO_RULES.minShortSideExclusive + 1);
  });
});

describe('exemption application on a phone', () => {
  it('applies, submits, prints, shows 待审核, and re-applies once after a return', async () => {
    // Prepare: a verified enrolled candidate, signed in on the phone
    const api = await verifiedCandidate(WANG);
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await login(page, WANG.idNumber);

    // Act: 个人中心 › 快捷入口 › 免考申请
    await page.getByRole('link', { name: '免考申请', exact: true }).click();
    await h1(page, '免考申请信息填报');

    // Assert: step 1 with the candidate's details, the seed's lists and 专业选择提示
    expect(new URL(page.url()).pathname).toBe('/apply/choices');
    expect(await page.title()).toBe('免考申请信息填报 - 自学考试免考申请');
    expect(await page.locator('.apply-info-row').allInnerTexts()).toEqual([
      '姓名\n王小明',
      '身份证号\n1401**********1235',
      '性别\n男',
      '准考证号\n010120100001',
      '考区\n太原市招生考试中心',
      '手机号\n138****5678',
    ]);
    for (const level of ['专科', '本科'] as const) {
      const boxes = page.getByRole('group', { name: `${level}面向社会开考专业` }).locator('.major-check-text');
      // What the eye sees: code and name, and the 停 badge (its screen-reader text is left out).
      const seen = (items: InPageElement[]) =>
        items.map((item) =>
          Array.from(item.querySelectorAll('.major-check-name, .badge-stop'))
            .map((part) => part.innerText)
            .join(' '),
        );
      expect(await boxes.evaluateAll(seen)).toEqual(
        catalog.majors.filter((m) => m.level === level).map((m) => `${m.code}${m.name}${m.discontinued ? ' 停' : ''}`),
      );
    }
    expect(await page.locator('.apply-tip').innerText()).toBe(
      '专业选择提示：\n\n①考生可选择两个不同专业的课程进行免考申请。\n\n②停预停考专业限老生申请。',
    );

    // Act: 下一步 with nothing chosen
    await page.getByRole('button', { name: '下一步' }).click();
    // Assert
    expect(await page.getByRole('alert').first().innerText()).toBe('请选择免考确认点和免考申请专业。');
    expect(await page.locator('#pointId-error').innerText()).toBe('请选择免考确认点');
    expect(await page.locator('#majors-error').innerText()).toBe('请至少选择一个专业');

    // Act: a 停 major that is not on his roster record
    await page.getByLabel('*免考确认点').selectOption({ label: '太原市招生考试中心' });
    await page.getByRole('checkbox', { name: /^040112小学教育/ }).check();
    await page.getByRole('checkbox', { name: '020204会计' }).check();
    // Assert: two chosen, the others disabled
    expect(await page.getByRole('checkbox', { name: '080702计算机及应用' }).isDisabled()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '030112法律' }).isDisabled()).toBe(true);
    expect(await page.locator('.apply-chosen').innerText()).toBe('已选择 2/2 个专业：040112小学教育、020204会计');
    await page.getByRole('button', { name: '下一步' }).click();
    // Assert: the server's field message
    await page.locator('#majors-error').waitFor();
    expect(await page.locator('#majors-error').innerText()).toBe(
      '040112小学教育为预停考专业，限已报考该专业的老生申请',
    );
    expect(await page.getByRole('alert').first().innerText()).toBe('请按提示修改专业或确认点的选择。');

    // Act: 020204 会计 (本科) and 030112 法律 (专科)
    await page.getByRole('checkbox', { name: /^040112小学教育/ }).uncheck();
    await page.getByRole('checkbox', { name: '030112法律' }).check();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'apply-choices-phone');
    await page.getByRole('button', { name: '下一步' }).click();
    await h1(page, '免考申请证书课程填报');

    // Assert: step 2, empty, 下一步 disabled with the reason
    expect(new URL(page.url()).pathname).toBe('/apply/certificates');
    expect(await page.locator('.apply-line').innerText()).toBe('姓名：王小明\n准考证号：010120100001');
    expect(await page.locator('.cert-empty').innerText()).toBe(
      '尚未添加证书。请点击“新增免考课程”，选择用于申请免考的证书。',
    );
    const next = page.getByRole('button', { name: '下一步' });
    expect(await next.isDisabled()).toBe(true);
    expect(await page.locator('#next-reason').innerText()).toBe(
      '请先点击“新增免考课程”添加至少一个证书，然后才能进入下一步。',
    );

    // Act: 新增免考课程 › 请选择证书
    await page.getByRole('link', { name: '新增免考课程' }).click();
    await page.getByRole('group', { name: '请选择证书' }).waitFor();
    // Assert: the eight types in the seed's order
    expect(
      await page
        .getByRole('group', { name: '请选择证书' })
        .getByRole('radio')
        .evaluateAll((radios) =>
          radios.map((r) => (r as unknown as { parentElement: { innerText: string } }).parentElement.innerText),
        ),
    ).toEqual(catalog.certificateTypes.map((t) => t.name));

    // Act: CET-4; a photo below 800×600 first
    await page.getByRole('radio', { name: CET4, exact: true }).check();
    await page.getByLabel('考试科目：').selectOption('大学英语四级');
    // Assert: only the courses this certificate can exempt in the chosen plans
    expect(
      await courseBoxes(page).evaluateAll((boxes) => boxes.map((b) => (b as unknown as { value: string }).value)),
    ).toEqual(['00012', '00015']);
    expect(await page.getByRole('group', { name: '免考课程：' }).locator('label').allInnerTexts()).toEqual([
      '00012 英语(一)',
      '00015 英语(二)',
    ]);
    await choosePhoto(page, files.small);
    const refused = page.locator('.cert-photo [role="alert"]');
    await refused.waitFor();
    expect(await refused.innerText()).toBe('照片分辨率过低（480×640），应大于800×600像素，请重新拍摄');

    // Act: fill the form, the real photo, 确定
    await fillCertificate(page, {
      type: CET4,
      year: '2023',
      month: '06',
      subject: '大学英语四级',
      number: 'CET4-2023-0001',
      courses: ['00012 英语(一)', '00015 英语(二)'],
      photo: files.certificate,
    });
    await screenshot(page, 'apply-add-certificate-phone');
    await page.getByRole('button', { name: '确定' }).click();
    await h1(page, '免考申请证书课程填报');
    await page.locator('.cert-table tbody tr:not(.cert-empty)').first().waitFor();

    // Assert: back on the table with one row
    expect(new URL(page.url()).pathname).toBe('/apply/certificates');
    expect(await page.getByRole('status').filter({ hasText: '已添加证书' }).innerText()).toBe(
      `已添加证书：${CET4}（免考课程 00012、00015）。`,
    );
    expect(await certificateRows(page)).toEqual([
      [
        CET4,
        '考试时间：2023年06月 | 考试科目：大学英语四级 | 证书编号：CET4-2023-0001',
        '00012 英语(一) | 00015 英语(二)',
      ],
    ]);

    // Act: NCRE 一级 with the 12-megapixel camera photo, claiming only the practical course
    await page.getByRole('link', { name: '新增免考课程' }).click();
    await fillCertificate(page, {
      type: NCRE1,
      year: '2022',
      month: '09',
      subject: '一级 计算机基础及MS Office应用',
      number: 'NCRE1-0002',
      courses: ['00019 计算机应用基础(实践)'],
      photo: files.camera,
    });
    // Assert: the hint before sending, then the server's field message
    expect(await page.getByText(/^提示：实践课程/).innerText()).toBe(
      '提示：实践课程 00019计算机应用基础(实践) 须与理论课程 00018计算机应用基础 一同申请免考。',
    );
    await page.getByRole('button', { name: '确定' }).click();
    await page.locator('#courses-error').waitFor();
    expect(await page.locator('#courses-error').innerText()).toBe(
      '实践课程 00019计算机应用基础(实践) 须与理论课程 00018计算机应用基础 一同申请免考',
    );
    expect(await page.getByRole('alert').first().innerText()).toBe('证书信息有误，请按提示修改。');

    // Act: add the theory course, 确定
    await page.getByRole('checkbox', { name: '00018 计算机应用基础', exact: true }).check();
    await page.getByRole('button', { name: '确定' }).click();
    await page.locator('.cert-table tbody tr').nth(1).waitFor();

    // Assert: two rows; the camera photo was scaled in the browser to 2400×1800 and kept under 3 MB
    expect((await certificateRows(page)).map((r) => r[2])).toEqual([
      '00012 英语(一) | 00015 英语(二)',
      '00018 计算机应用基础 | 00019 计算机应用基础(实践)',
    ]);
    const stored = await api.ok<MyApplication>('GET', '/api/me/application', undefined);
    expect(stored.application!.certificates.map((c) => c.photos.map((p) => [p.width, p.height]))).toEqual([
      [[1024, 768]],
      [[2400, 1800]],
    ]);

    // Act: PETS-3 can exempt only courses that are claimed already
    await page.getByRole('link', { name: '新增免考课程' }).click();
    await page.getByRole('radio', { name: PETS3, exact: true }).check();
    await page.getByLabel('考试科目：').selectOption('PETS三级');
    // Assert: shown, not selectable
    expect(await page.getByRole('group', { name: '免考课程：' }).locator('label').allInnerTexts()).toEqual([
      '00012 英语(一)（已用其他证书申请）',
      '00015 英语(二)（已用其他证书申请）',
    ]);
    expect(
      await courseBoxes(page).evaluateAll((b) => b.map((x) => (x as unknown as { disabled: boolean }).disabled)),
    ).toEqual([true, true]);
    expect(await page.locator('.apply-empty').innerText()).toBe(
      '该证书可以免考的课程都已用其他证书申请，同一课程不能重复申请。',
    );
    await page.getByRole('link', { name: '取消' }).click();
    await h1(page, '免考申请证书课程填报');

    // Act: 删除课程 on the NCRE row, then add it again
    const ncreRow = page.locator('.cert-table tbody tr').nth(1);
    await ncreRow.getByRole('button', { name: '删除课程' }).click();
    expect(await ncreRow.getByRole('group').innerText()).toContain('删除该证书及其免考课程？删除后可重新添加。');
    await ncreRow.getByRole('button', { name: '确认删除' }).click();
    await page.locator('.cert-table tbody tr').nth(1).waitFor({ state: 'detached' });
    expect((await certificateRows(page)).map((r) => r[0])).toEqual([CET4]);
    await page.getByRole('link', { name: '新增免考课程' }).click();
    await fillCertificate(page, {
      type: NCRE1,
      year: '2022',
      month: '09',
      subject: '一级 计算机基础及MS Office应用',
      number: 'NCRE1-0002',
      courses: ['00018 计算机应用基础', '00019 计算机应用基础(实践)'],
      photo: files.certificate,
    });
    await page.getByRole('button', { name: '确定' }).click();
    await page.locator('.cert-table tbody tr').nth(1).waitFor();
    // Assert
    expect(await certificateRows(page)).toEqual([
      [
        CET4,
        '考试时间：2023年06月 | 考试科目：大学英语四级 | 证书编号：CET4-2023-0001',
        '00012 英语(一) | 00015 英语(二)',
      ],
      [
        NCRE1,
        '考试时间：2022年09月 | 考试科目：一级 计算机基础及MS Office应用 | 证书编号：NCRE1-0002',
        '00018 计算机应用基础 | 00019 计算机应用基础(实践)',
      ],
    ]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'apply-certificates-phone');

    // Act: 下一步 › 信息确认页, 查看照片
    await page.getByRole('button', { name: '下一步' }).click();
    await h1(page, '山西省高等教育自学考试免考申请信息确认页');
    await page.locator('.cert-table tbody tr').first().getByRole('button', { name: '查看照片' }).click();
    const dialog = page.getByRole('dialog', { name: '证书照片' });
    const image = dialog.getByRole('img');
    await image.waitFor();
    await page.waitForFunction("document.querySelector('.photo-dialog-image')?.naturalWidth > 0");
    // Assert: the photo through its short-lived URL
    expect(await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1024);
    await screenshot(page, 'apply-photo-dialog-phone');
    await dialog.getByRole('button', { name: '关闭' }).click();
    expect(await dialog.count()).toBe(0);
    expect(await page.locator('.apply-info-row').allInnerTexts()).toEqual([
      '姓名\n王小明',
      '身份证号\n1401**********1235',
      '性别\n男',
      '准考证号\n010120100001',
      '免考确认点\n太原市招生考试中心',
      '免考申请专业\n020204会计（本科）\n030112法律（专科）',
    ]);
    expect(await page.getByRole('button', { name: '删除课程' }).count()).toBe(0);
    await screenshot(page, 'apply-confirm-phone');

    // Act: 提交
    await page.getByRole('button', { name: '提交' }).click();
    await h1(page, '山西省高等教育自学考试免考申请信息详情');

    // Assert: the detail page with the application number and status
    expect(new URL(page.url()).pathname).toBe('/apply/detail');
    const number = await page.locator('.apply-number').innerText();
    expect(number).toMatch(/^MK\d{8}\d{6}$/);
    expect(await page.getByRole('status').filter({ hasText: '免考申请已提交' }).innerText()).toBe(
      `免考申请已提交，申请编号 ${number}。可点击“打印”保存本页；审核结果请在“免考审核结果查询”中查看。`,
    );
    expect((await page.locator('.apply-detail .apply-line').allInnerTexts()).slice(0, 3)).toEqual([
      '姓名：王小明\n证件号码：1401**********1235\n准考证号：010120100001',
      `申请编号：${number}\n免考确认点：太原市招生考试中心`,
      '免考申请专业：020204会计（本科）、030112法律（专科）',
    ]);
    expect(await page.locator('.apply-status').innerText()).toBe('考生免考申请状态：已提交，待审核');
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '重新申请' }).count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'apply-detail-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'apply-detail-desktop');

    // Act: the print layout (A4) — what 打印 (window.print) puts on paper
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(
      "[...document.querySelectorAll('.cert-thumb')].length === 2 && [...document.querySelectorAll('.cert-thumb')].every((i) => i.complete && i.naturalWidth > 0)",
    );

    // Assert: number and print time on paper; header, navigation and buttons not
    expect(await page.locator('.apply-number').isVisible()).toBe(true);
    const printed = page.locator('.apply-printed');
    expect(await printed.isVisible()).toBe(true);
    expect(await printed.innerText()).toMatch(/^打印时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(await page.locator('.apply-status').isVisible()).toBe(true);
    for (const hidden of ['.site-header', '.site-footer', 'nav', '.apply-actions', '.notice']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '查看照片' }).first().isVisible()).toBe(false);
    const thumbs = await page.locator('.cert-thumb').evaluateAll((imgs) =>
      imgs.map((i) => {
        const box = (
          i as unknown as { getBoundingClientRect(): { width: number; height: number } }
        ).getBoundingClientRect();
        return box.width <= 120 && box.height <= 90 && box.width > 0;
      }),
    );
    expect(thumbs).toEqual([true, true]);
    await screenshot(page, 'apply-detail-print');
    await page.pdf({
      path: path.join(RESULTS_DIR, 'apply-detail-print.pdf'),
      preferCSSPageSize: true,
      printBackground: true,
    });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(PHONE.viewport!);

    // Act: 免考审核结果查询
    await page.getByRole('link', { name: '免考审核结果查询' }).click();
    await h1(page, '免考审核结果查询');
    await page.locator('.results-table tbody tr').first().waitFor();
    // Assert: every course 待审核
    const results = await page
      .locator('.results-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) =>
          Array.from(
            (r as unknown as { querySelectorAll(s: string): ArrayLike<{ innerText: string }> }).querySelectorAll('td'),
          ).map((td) => td.innerText),
        ),
      );
    expect(results).toEqual([
      ['00012', '英语(一)', CET4, '待审核', '—'],
      ['00015', '英语(二)', CET4, '待审核', '—'],
      ['00018', '计算机应用基础', NCRE1, '待审核', '—'],
      ['00019', '计算机应用基础(实践)', NCRE1, '待审核', '—'],
    ]);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'results-phone');

    // Prepare: staff return the application (the candidate came to the point with a mistake)
    const admin = new Http();
    await admin.ok('POST', '/api/staff/session', {
      username: system.demoAdmin.username,
      password: system.demoAdmin.password,
    });
    const list = await admin.ok<{
      items: Array<{ applicationId: string; applicationNumber: string; version: number }>;
    }>('GET', '/api/staff/applications?pointId=taiyuan', undefined);
    const submitted = list.items.find((i) => i.applicationNumber === number)!;
    await admin.ok('POST', `/api/staff/applications/${submitted.applicationId}/return`, {
      reason: '证书编号填写有误',
      version: submitted.version,
    });

    // Act: 免考申请 again
    await page.goto(`${system.url}/apply`);
    await h1(page, '山西省高等教育自学考试免考申请信息详情');
    // Assert: returned, with 重新申请 and 返回首页 as the seed shows
    expect(await page.locator('.apply-status').innerText()).toBe(
      '考生免考申请状态：被退回（退回原因：证书编号填写有误）',
    );
    expect(await page.locator('.apply-actions').getByRole('button').allInnerTexts()).toEqual(['重新申请']);
    expect(await page.locator('.apply-actions').getByRole('link', { name: '返回首页' }).isVisible()).toBe(true);
    await screenshot(page, 'apply-returned-phone');

    // Act: 重新申请 → step 1 with the previous content, through to a new submission
    await page.getByRole('button', { name: '重新申请' }).click();
    await h1(page, '免考申请信息填报');
    // Assert
    expect(await page.getByRole('status').filter({ hasText: '重新申请' }).innerText()).toBe(
      '已开始重新申请：原申请内容已保留，请修改后重新提交。重新申请机会仅限一次。',
    );
    expect(await page.getByLabel('*免考确认点').inputValue()).toBe('taiyuan');
    expect(await page.getByRole('checkbox', { name: '020204会计' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '030112法律' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '下一步' }).click();
    await h1(page, '免考申请证书课程填报');
    expect((await certificateRows(page)).length).toBe(2);
    await page.getByRole('button', { name: '下一步' }).click();
    await h1(page, '山西省高等教育自学考试免考申请信息确认页');
    await page.getByRole('button', { name: '提交' }).click();
    await h1(page, '山西省高等教育自学考试免考申请信息详情');
    await page.locator('.apply-status').filter({ hasText: '已提交' }).waitFor();
    expect(await page.locator('.apply-number').innerText()).toBe(number);
    expect(await page.locator('.apply-status').innerText()).toBe('考生免考申请状态：已提交，待审核');
    expect(await page.getByRole('button', { name: '重新申请' }).count()).toBe(0);

    // Assert: nothing failed but the two refusals the journey asked for
    expect(tracked.errors).toEqual([consoleStatus(400, 'Bad Request'), consoleStatus(400, 'Bad Request')]);
    // A page's own loads are cancelled when the person leaves it (e.g. 个人中心's notices): not failures.
    expect(tracked.failedRequests.filter((r) => !r.endsWith('net::ERR_ABORTED'))).toEqual([]);
    await tracked.close();
  }, 240_000);

  it('reloads after a change in another tab and drops the course that is now claimed', async () => {
    // Prepare: 李娜 (enrolled in the 停 major 040112) has a draft with 040112 and 030112
    const api = await verifiedCandidate(LI);
    await api.ok('PUT', '/api/me/application/choices', { pointId: 'taiyuan', majors: ['040112', '030112'] });
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await login(page, LI.idNumber);
    await page.goto(`${system.url}/apply`);
    await h1(page, '免考申请信息填报');
    expect(await page.getByRole('checkbox', { name: /^040112小学教育/ }).isChecked()).toBe(true);
    await page.goto(`${system.url}/apply/certificates/new`);
    await fillCertificate(page, {
      type: CET4,
      year: '2021',
      month: '12',
      subject: '大学英语六级',
      number: 'CET6-2021-7',
      courses: ['00012 英语(一)'],
      photo: files.certificate,
    });
    // …while in another tab a PETS-2 certificate claims 00012
    await addCertificateByApi(api, {
      certificateTypeId: 'pets-2',
      examTime: '2020-03',
      subject: 'PETS二级',
      certificateNumber: 'PETS2-1',
      courses: ['00012'],
    });

    // Act
    await page.getByRole('button', { name: '确定' }).click();

    // Assert: told, reloaded; 00012 is shown as claimed and no longer selected
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.innerText()).toBe('申请信息已在其他页面或设备上更新，已为您刷新为最新内容，请核对后重新操作。');
    await page.getByText('00012 英语(一)（已用其他证书申请）').waitFor();
    expect(await page.getByRole('checkbox', { name: /^00012/ }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: /^00012/ }).isDisabled()).toBe(true);

    // Act: choose the course still free, 确定
    await page.getByRole('checkbox', { name: '00015 英语(二)', exact: true }).check();
    await page.getByRole('button', { name: '确定' }).click();
    await page.locator('.cert-table tbody tr').nth(1).waitFor();

    // Assert
    expect((await certificateRows(page)).map((r) => r[2])).toEqual(['00012 英语(一)', '00015 英语(二)']);
    expect(tracked.errors).toEqual([consoleStatus(409, 'Conflict')]);
    await tracked.close();
  }, 120_000);
});

describe('pages at other sizes', () => {
  it('the detail and results pages fit a 360 px phone and a PC, with a long name', async () => {
    // Prepare: 阿依古丽·买买提 submitted one certificate through the API
    const api = await verifiedCandidate(AYGUL);
    await api.ok('PUT', '/api/me/application/choices', { pointId: 'taiyuan', majors: ['030112'] });
    await addCertificateByApi(api, {
      certificateTypeId: 'cet-4',
      examTime: '2019-12',
      subject: '大学英语四级成绩单（425分及以上）',
      certificateNumber: '191234567890123',
      courses: ['00012'],
    });
    const { application } = await api.ok<MyApplication>('GET', '/api/me/application', undefined);
    await api.ok('POST', '/api/me/application/submission', { version: application!.version });
    const phone = await openPage(browser, { ...PHONE, viewport: { width: 360, height: 740 } });
    await login(phone.page, AYGUL.idNumber);

    // Act
    await phone.page.goto(`${system.url}/apply`);
    await h1(phone.page, '山西省高等教育自学考试免考申请信息详情');

    // Assert
    expect(await phone.page.locator('.apply-line').first().innerText()).toBe(
      '姓名：阿依古丽·买买提\n证件号码：6501**********0025\n准考证号：010120100003',
    );
    expect(await hasHorizontalScroll(phone.page)).toBe(false);
    await screenshot(phone.page, 'apply-detail-phone-360');

    // Act
    await phone.page.goto(`${system.url}/results`);
    await phone.page.locator('.results-table tbody tr').first().waitFor();

    // Assert
    expect(await phone.page.locator('.results-table tbody tr').first().innerText()).toContain('待审核');
    expect(await hasHorizontalScroll(phone.page)).toBe(false);
    await screenshot(phone.page, 'results-phone-360');
    expect(phone.errors).toEqual([]);
    await phone.close();

    // Act: on a PC
    const desktop = await openPage(browser, DESKTOP);
    await login(desktop.page, AYGUL.idNumber);
    await desktop.page.goto(`${system.url}/results`);
    await desktop.page.locator('.results-table tbody tr').first().waitFor();

    // Assert
    expect(await hasHorizontalScroll(desktop.page)).toBe(false);
    await screenshot(desktop.page, 'results-desktop');
    expect(desktop.errors).toEqual([]);
    await desktop.close();
  }, 120_000);
});

describe('who may apply', () => {
  it('sends a signed-out visitor of /results to 考生登录 and back; nothing submitted yet says so', async () => {
    // Prepare: 陈静 of 晋中, verified, nothing applied for
    await verifiedCandidate(CHEN, 'jinzhong');
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;

    // Act
    await page.goto(`${system.url}/results`);
    await h1(page, '考生登录');
    await page.getByLabel('身份证号或准考证号').fill(CHEN.idNumber);
    await page.getByRole('textbox', { name: '密码' }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await h1(page, '免考审核结果查询');

    // Assert
    expect(new URL(page.url()).pathname).toBe('/results');
    const empty = page.getByRole('status').filter({ hasText: '暂无审核结果' });
    await empty.waitFor();
    expect(await empty.innerText()).toBe(
      '暂无审核结果\n\n您在本次免考申请期间还没有提交免考申请，提交后可在此查询每门课程的审核结果。\n\n免考申请',
    );
    expect(await empty.getByRole('link', { name: '免考申请' }).getAttribute('href')).toBe('/apply');
    // Signed out: /api/me answers 401 before the login; nothing submitted: the results 404.
    expect(tracked.errors).toEqual([consoleStatus(401, 'Unauthorized'), consoleStatus(404, 'Not Found')]);
    await tracked.close();
  });

  it('tells a candidate whose identity is not verified why 免考申请 is closed to them', async () => {
    // Prepare: 赵强 activated, photos not uploaded
    await activatedCandidate(ZHAO);
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await page.goto(`${system.url}/login`);
    await page.getByLabel('身份证号或准考证号').fill(ZHAO.idNumber);
    await page.getByRole('textbox', { name: '密码' }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await h1(page, '身份认证');

    // Act
    await page.goto(`${system.url}/apply`);
    const why = page.getByRole('status').filter({ hasText: '暂不能提交免考申请' });
    await why.waitFor();

    // Assert: the reason with the way to 身份认证; no form
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('免考申请');
    expect(await why.innerText()).toBe('暂不能提交免考申请：\n\n身份尚未认证通过：查看身份认证状态或上传照片');
    expect(await why.getByRole('link').getAttribute('href')).toBe('/identity');
    expect(await page.locator('form, input').count()).toBe(0);
    // The steps send him back here.
    await page.goto(`${system.url}/apply/certificates`);
    await page.waitForURL(`${system.url}/apply`);
    await why.waitFor();
    await screenshot(page, 'apply-not-eligible-phone');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });
});
