/**
 * Journeys of candidate accounts and identity verification (SPEC §2.1, §3) on a phone in Chromium,
 * against the whole local system (DynamoDB Local, the S3 emulator that checks presigned signatures,
 * the real handlers):
 * - a new candidate registers, uploads the 三照 — one of them a 12-megapixel camera photo over 2 MB
 *   whose EXIF says "turn 90°" — and asks for verification (人工审核中 locally); a HEIC photo is
 *   refused before anything is sent; logout, a wrong password, login again;
 * - an enrolled candidate from the demo roster activates and uploads the 两照;
 * - a dropped upload is retried with a fresh URL, then by the 重试 button;
 * - 个人中心 and screenshots at 390 px and 1280 px.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { imageSize } from 'image-size';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { MeView as MeViewSchema } from '../../functions/domain/identity/api.js';
import { readJpegOrientation } from '../../web/src/photo/bytes.js';
import { orientationMatrix, uprightSize } from '../../web/src/photo/geometry.js';
import { certificateJpeg, portraitPng, portraitProgressiveJpeg } from '../fixtures/photos/photos.js';
import {
  DESKTOP,
  PHONE,
  hasHorizontalScroll,
  launchBrowser,
  openPage,
  screenshot,
  type TrackedPage,
} from './browser.js';
import { withOrientation } from './fixtures/exif.js';
import { startE2eSystem, type E2eSystem } from './system.js';

type MeView = z.infer<typeof MeViewSchema>;

/** ImageMagick 6 from Debian (`apt-get install -y imagemagick`); /usr/local/bin/convert may be something else. */
const CONVERT = process.env.IMAGEMAGICK_CONVERT ?? '/usr/bin/convert';

const HEIC_MESSAGE = '不支持该照片格式（如HEIC），请在相机设置中选择“兼容性最佳”或截图后上传';
/** The console line Chromium prints for every 4xx answer (expected after a wrong password). */
const CONSOLE_401 = 'console: Failed to load resource: the server responded with a status of 401 (Unauthorized)';
const MB2 = 2 * 1024 * 1024;

let system: E2eSystem;
let browser: Browser;
let tmp: string;
/** Files the candidate picks, in the temporary folder. */
const files = { camera: '', heic: '', portrait: '', idCard: '', png: '' };

/** A valid ID number (GB 11643 check character) from its first 17 digits. */
function idNumber(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

beforeAll(async () => {
  system = await startE2eSystem();
  browser = await launchBrowser();
  tmp = await mkdtemp(path.join(tmpdir(), 'e2e-identity-'));

  // A phone camera photo: 4000×3000 stored sideways with EXIF Orientation 6, so it shows 3000×4000
  // (portrait). Red marks the stored top-left corner and blue the stored bottom-right one: upright,
  // red must be top-right and blue bottom-left.
  const raw = path.join(tmp, 'raw.jpg');
  try {
    // prettier-ignore
    execFileSync(CONVERT, [
      '-seed', '7', '-size', '4000x3000', 'plasma:fractal',
      '-fill', 'red', '-draw', 'rectangle 0,0 799,799',
      '-fill', 'blue', '-draw', 'rectangle 3200,2200 3999,2999',
      '-quality', '92', '-strip', raw,
    ]);
  } catch (error) {
    throw new Error(`ImageMagick is needed to make the camera photo (${CONVERT}): apt-get install -y imagemagick`, {
      cause: error,
    });
  }
  files.camera = path.join(tmp, 'IMG_20260511_093012.jpg');
  await writeFile(files.camera, withOrientation(new Uint8Array(await readFile(raw)), 6));
  // An iPhone HEIC photo that kept a .JPG name: only its bytes tell.
  files.heic = path.join(tmp, 'IMG_0001.JPG');
  const ftyp = Buffer.from('00000018667479706865696300000000', 'hex');
  await writeFile(files.heic, Buffer.concat([ftyp, Buffer.from('mif1heic'), Buffer.alloc(4000, 7)]));
  files.portrait = path.join(tmp, 'portrait.jpg');
  await writeFile(files.portrait, portraitProgressiveJpeg());
  files.idCard = path.join(tmp, 'id-card.jpg');
  await writeFile(files.idCard, certificateJpeg());
  files.png = path.join(tmp, 'handheld.png');
  await writeFile(files.png, portraitPng());
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** `GET /api/me` from inside the page (its session cookie). */
const me = (page: Page) => page.evaluate<MeView>("fetch('/api/me').then((r) => r.json())");

/** The card of one photo on /identity (a list item named by its heading). */
const slot = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

/** Chooses `file` from the album for the photo `name` and waits until the card says 上传成功. */
async function upload(page: Page, title: string, name: string, file: string): Promise<void> {
  await page.getByLabel(`从相册选择：${name}`).setInputFiles(file);
  await slot(page, title).getByText('上传成功').waitFor({ timeout: 30_000 });
}

interface NewCandidate {
  name: string;
  idNumber: string;
  mobile: string;
  password: string;
}

/** Fills and submits /register (opening it unless `opened`); resolves on /identity. */
async function register(page: Page, who: NewCandidate, opened = false): Promise<void> {
  if (!opened) await page.goto(`${system.url}/register`);
  await page.getByLabel('姓名').fill(who.name);
  await page.getByLabel('身份证号').fill(who.idNumber);
  await page.getByLabel('民族').selectOption('汉族');
  await page.getByLabel('户口性质').selectOption('城镇');
  await page.getByLabel('文化程度').selectOption('本科');
  await page.getByLabel('职业').selectOption('专业技术人员');
  await page.getByLabel('政治面貌').selectOption('群众');
  await page.getByLabel('手机号').fill(who.mobile);
  await page.getByLabel('报名考区').selectOption({ label: '太原市招生考试中心' });
  await page.getByLabel('设置密码').fill(who.password);
  await page.getByLabel('确认密码').fill(who.password);
  await page.getByRole('button', { name: '提交注册，下一步上传照片' }).click();
  await page.waitForURL('**/identity');
  await page.getByRole('heading', { level: 1, name: '身份认证' }).waitFor();
}

const uploadRequests = (tracked: TrackedPage) =>
  tracked.requests.filter((url) => url.endsWith('/api/me/identity/uploads'));

describe('new candidate (新考生) on a phone', () => {
  const candidate: NewCandidate = {
    name: '李梅',
    idNumber: '11010519491231002X',
    mobile: '138 0013 5678',
    password: 'Spring2026go',
  };

  it('registers, uploads the 三照 (a rotated 12-megapixel photo among them), submits, logs out and in', async () => {
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;

    // Act: registration — gender and birth date appear once the ID number is valid
    await page.goto(`${system.url}/register`);
    await page.getByLabel('身份证号').fill(candidate.idNumber);
    expect(await page.locator('.derived-list').innerText()).toBe('性别\n女\n出生日期\n1949-12-31');
    await screenshot(page, 'register-phone');
    await register(page, candidate, true);

    // Assert: the identity page before any photo
    const status = page.locator('.status-line');
    expect(await status.innerText()).toBe('待上传照片');
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      '认证状态',
      '照片要求',
      '1. 考生免冠彩色证件照（蓝底、白底、白灰底）',
      '2. 考生身份证照片（人像面）',
      '3. 考生手持身份证照（半身）',
    ]);
    expect(await page.locator('.notice-info .notice-title').innerText()).toBe(
      '身份认证通过前，只能查看认证状态和上传照片。',
    );
    expect(await page.getByRole('button', { name: '提交认证' }).count()).toBe(0);
    expect(await page.getByRole('banner').getByRole('link', { name: /李梅/ }).getAttribute('href')).toBe('/me');

    // Act + Assert: a HEIC photo named .JPG is refused in the browser, nothing is sent
    const portraitCard = slot(page, '1. 考生免冠彩色证件照（蓝底、白底、白灰底）');
    await page.getByLabel('从相册选择：免冠彩色证件照').setInputFiles(files.heic);
    expect(await portraitCard.getByRole('alert').innerText()).toBe(HEIC_MESSAGE);
    expect(uploadRequests(tracked)).toEqual([]);

    // Act: the three photos (a small JPEG as it is, an ID card, the camera photo)
    await upload(page, '1. 考生免冠彩色证件照（蓝底、白底、白灰底）', '免冠彩色证件照', files.portrait);
    await upload(page, '2. 考生身份证照片（人像面）', '身份证照片（人像面）', files.idCard);
    const cameraBytes = (await readFile(files.camera)).length;
    await upload(page, '3. 考生手持身份证照（半身）', '手持身份证照（半身）', files.camera);

    // Assert: every card says 已上传 with the stored size; the status moves on
    expect(await page.locator('.slot-state').allInnerTexts()).toEqual([
      expect.stringMatching(/^已上传 480×640像素，\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}上传$/),
      expect.stringMatching(/^已上传 1024×768像素，/),
      expect.stringMatching(/^已上传 1200×1600像素，/),
    ]);
    expect(await status.innerText()).toBe('照片已上传，待提交认证');
    expect(await page.locator('img.slot-preview').count()).toBe(3);

    // Assert: what the server stored — the camera photo upright (portrait), JPEG under 2 MB, no EXIF turn
    expect(cameraBytes).toBeGreaterThan(MB2);
    const stored = await me(page);
    expect(stored.identity.photos.map((p) => [p.slot, p.uploaded, p.width, p.height])).toEqual([
      ['portrait', true, 480, 640],
      ['idCardFront', true, 1024, 768],
      ['handheld', true, 1200, 1600],
    ]);
    const { url } = await page.evaluate<{ url: string }>(
      "fetch('/api/me/identity/photos/handheld').then((r) => r.json())",
    );
    const photo = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(photo.length).toBeLessThan(MB2);
    expect(imageSize(photo)).toMatchObject({ type: 'jpg', width: 1200, height: 1600 });
    expect(readJpegOrientation(photo)).toBeNull();
    await writeFile(path.join(tmp, 'stored.jpg'), photo);
    /** The mean colour (0–255 per channel) of a region of the stored photo, by ImageMagick. */
    const corner = (geometry: string) => {
      const rgb = '%[fx:round(255*r)],%[fx:round(255*g)],%[fx:round(255*b)]';
      const args = [
        path.join(tmp, 'stored.jpg'),
        '-crop',
        geometry,
        '+repage',
        '-resize',
        '1x1!',
        '-format',
        rgb,
        'info:',
      ];
      return execFileSync(CONVERT, args).toString().split(',').map(Number);
    };
    const [topRight, bottomLeft] = [corner('200x200+1000+0'), corner('200x200+0+1400')];
    expect(topRight[0]).toBeGreaterThan(200); // red: the stored top-left corner, turned 90° clockwise once
    expect(topRight[2]).toBeLessThan(60);
    expect(bottomLeft[2]).toBeGreaterThan(200); // blue
    expect(bottomLeft[0]).toBeLessThan(60);
    // The small portrait went up as it was chosen (byte for byte).
    const portrait = await page.evaluate<{ url: string }>(
      "fetch('/api/me/identity/photos/portrait').then((r) => r.json())",
    );
    expect(new Uint8Array(await (await fetch(portrait.url)).arrayBuffer())).toEqual(portraitProgressiveJpeg());

    // Act: 提交认证
    await page.getByRole('button', { name: '提交认证' }).click();
    await page.getByText('人工审核中', { exact: true }).waitFor();

    // Assert: 人工审核中, photos frozen
    expect(await status.innerText()).toBe('人工审核中');
    expect(await page.locator('input[type=file]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '提交认证' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^查看照片/ }).count()).toBe(0); // local previews are shown instead
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'identity-phone-submitted');

    // Act: log out from the header
    await page.getByRole('banner').getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${system.url}/`);
    await page.getByRole('banner').getByRole('link', { name: '考生登录' }).waitFor();

    // Act + Assert: a wrong password
    await page.getByRole('banner').getByRole('link', { name: '考生登录' }).click();
    await page.getByLabel('身份证号或准考证号').fill(candidate.idNumber);
    await page.getByLabel('密码', { exact: true }).fill('Wrong2026pass');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    expect(await page.getByRole('alert').innerText()).toBe('账号或密码错误。');
    expect(await page.getByLabel('密码', { exact: true }).inputValue()).toBe('');
    await screenshot(page, 'login-phone-wrong-password');

    // Act: the right password (ID number typed with a lower-case x)
    await page.getByLabel('身份证号或准考证号').fill(candidate.idNumber.toLowerCase());
    await page.getByLabel('密码', { exact: true }).fill(candidate.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    // Assert: not verified yet → /identity, 人工审核中, the photos viewable through short-lived URLs
    await page.waitForURL('**/identity');
    await page.getByText('人工审核中', { exact: true }).waitFor();
    expect(await page.locator('.status-panel').innerText()).toBe(
      '认证状态\n\n人工审核中\n\n您的照片已提交，正在由工作人员人工审核，请耐心等待。审核期间不能更改照片，审核结果可随时登录后在本页查看。',
    );
    await page.getByRole('button', { name: '查看照片：手持身份证照（半身）' }).click();
    const preview = slot(page, '3. 考生手持身份证照（半身）').getByRole('img', {
      name: '已上传的手持身份证照（半身）',
    });
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((img: { naturalHeight: number }) => img.naturalHeight)).toBe(1600);

    expect(tracked.errors).toEqual([CONSOLE_401]);
    expect(tracked.failedRequests).toEqual([]);
    await tracked.close();
  });

  it('个人中心 shows the seed’s profile table, entries and why 免考申请 is not open yet', async () => {
    // Prepare: the candidate of the journey above, signed in
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await page.goto(`${system.url}/login`);
    await page.getByLabel('身份证号或准考证号').fill(candidate.idNumber);
    await page.getByLabel('密码', { exact: true }).fill(candidate.password);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/identity');

    // Act
    await page.getByRole('banner').getByRole('link', { name: /李梅/ }).click();
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();

    // Assert: the profile (masked ID number and mobile; — for what is empty)
    const rows = await page.locator('.profile-row').allInnerTexts();
    expect(rows).toEqual([
      '姓名\n李梅',
      '身份证号\n1101**********002X',
      '准考证号\n—',
      '性别\n女',
      '民族\n汉族',
      '户口性质\n城镇',
      '文化程度\n本科',
      '职业\n专业技术人员',
      '政治面貌\n群众',
      '手机号\n138****5678',
      '报名区县\n太原市招生考试中心',
      '电子邮箱\n—',
    ]);
    expect(await page.getByRole('heading', { level: 2, name: /^身份认证/ }).innerText()).toBe('身份认证 人工审核中');
    expect(await page.getByRole('link', { name: '查看认证状态' }).getAttribute('href')).toBe('/identity');

    // Assert: only 免考申请 and 免考审核结果查询 are links; the rest say 未开放
    const quick = page.getByRole('region', { name: '快捷入口' });
    expect(await quick.locator('.entry-grid li').allInnerTexts()).toEqual([
      '理论课报名\n未开放',
      '转考申请\n未开放',
      '免考申请',
      '实践性环节报名\n未开放',
      '毕业申请\n未开放',
    ]);
    expect(await quick.getByRole('link').count()).toBe(1);
    expect(await quick.getByRole('link', { name: '免考申请' }).getAttribute('href')).toBe('/apply');
    expect(await quick.locator('.eligibility').innerText()).toBe(
      '暂不能提交免考申请：\n\n身份尚未认证通过\n免考申请仅限已取得准考证号的在籍考生',
    );
    const query = page.getByRole('region', { name: '查询中心' });
    expect(await query.locator('.entry-grid li').allInnerTexts()).toEqual([
      '合格成绩查询\n未开放',
      '当次成绩查询\n未开放',
      '报考简章\n未开放',
      '专业计划查询\n未开放',
      '准考证打印\n未开放',
      '免考审核结果查询',
      '毕业审定结果查询\n未开放',
    ]);
    expect(await query.getByRole('link', { name: '免考审核结果查询' }).getAttribute('href')).toBe('/results');
    const notices = page.getByRole('region', { name: '通知公告' });
    await notices.getByText('暂无通知').waitFor(); // GET /api/notices: none published on a fresh system
    expect(await notices.innerText()).toBe('通知公告\n\n暂无通知');
    expect(await page.getByRole('link', { name: '修改密码' }).getAttribute('href')).toBe('/me/password');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'me-phone');

    // Act: 修改密码 — first with a wrong current password (the session must survive that 401)
    await page.getByRole('link', { name: '修改密码' }).click();
    await page.getByLabel('原密码').fill('NotMine2026');
    await page.getByLabel('新密码', { exact: true }).fill('Autumn2026go');
    await page.getByLabel('确认新密码').fill('Autumn2026go');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.locator('#currentPassword-error').waitFor();
    expect(await page.getByRole('alert').innerText()).toBe('原密码不正确。');
    expect(await page.locator('#currentPassword-error').innerText()).toBe('原密码不正确');
    expect(new URL(page.url()).pathname).toBe('/me/password');
    // then the right one, with a confirmation that differs, then the same
    await page.getByLabel('原密码').fill(candidate.password);
    await page.getByLabel('新密码', { exact: true }).fill('Autumn2026go');
    await page.getByLabel('确认新密码').fill('Autumn2026no');
    await page.getByRole('button', { name: '确认修改' }).click();
    expect(await page.locator('#confirmPassword-error').innerText()).toBe('两次输入的新密码不一致');
    await page.getByLabel('确认新密码').fill('Autumn2026go');
    await page.getByRole('button', { name: '确认修改' }).click();
    expect(await page.getByRole('status').filter({ hasText: '密码修改成功' }).innerText()).toBe(
      '密码修改成功\n\n下次登录请使用新密码。',
    );
    candidate.password = 'Autumn2026go';
    await page.getByRole('link', { name: '返回个人中心' }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(`${system.url}/`);

    // Assert: signed out — /me sends to /login
    await page.goto(`${system.url}/me`);
    await page.waitForURL('**/login');
    expect(tracked.errors).toEqual([CONSOLE_401, CONSOLE_401]); // the wrong current password; /me after logout
    await tracked.close();
  });

  it('the forms say what is wrong next to the field, in Chinese', async () => {
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await page.goto(`${system.url}/register`);

    // Act: nothing filled but a short password and a different confirmation
    await page.getByLabel('设置密码').fill('abc123');
    await page.getByRole('button', { name: '提交注册，下一步上传照片' }).click();

    // Assert
    expect(await page.getByRole('alert').first().innerText()).toBe('填写的信息有误，请按提示修改后再提交。');
    expect(await page.locator('.field-error').allInnerTexts()).toEqual([
      '请填写姓名',
      '请填写身份证号',
      '请选择民族',
      '请选择户口性质',
      '请选择文化程度',
      '请选择职业',
      '请选择政治面貌',
      '请填写手机号',
      '请选择报名考区',
      '密码长度应为8至64位',
    ]);
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('name');
    expect(await page.getByLabel('姓名').getAttribute('aria-describedby')).toBe('name-hint name-error');

    // Act: a registered ID number again (the server's answer, next to the field)
    await page.getByLabel('姓名').fill('张三');
    await page.getByLabel('身份证号').fill('11010519491231002X');
    await page.getByLabel('民族').selectOption('回族');
    await page.getByLabel('户口性质').selectOption('农村');
    await page.getByLabel('文化程度').selectOption('高中');
    await page.getByLabel('职业').selectOption('待业');
    await page.getByLabel('政治面貌').selectOption('共青团员');
    await page.getByLabel('手机号').fill('13900001111');
    await page.getByLabel('报名考区').selectOption({ label: '大同市招生考试中心' });
    await page.getByLabel('设置密码').fill('abc12345');
    await page.getByLabel('确认密码').fill('abc12346');
    await page.getByRole('button', { name: '提交注册，下一步上传照片' }).click();
    expect(await page.locator('#confirmPassword-error').innerText()).toBe('两次输入的密码不一致');
    await page.getByLabel('确认密码').fill('abc12345');
    await page.getByRole('button', { name: '提交注册，下一步上传照片' }).click();
    await page.locator('#idNumber-error').waitFor();

    // Assert: 409 from the server, its message on top and its field message by the input
    expect(await page.getByRole('alert').first().innerText()).toBe(
      '该身份证号已注册，请直接登录；如忘记密码，请携带身份证到免考确认点办理。',
    );
    expect(await page.locator('#idNumber-error').innerText()).toBe('该身份证号已注册');
    expect(new URL(page.url()).pathname).toBe('/register');
    expect(tracked.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
    ]);
    await tracked.close();
  });
});

describe('enrolled candidate (在籍考生) on a phone', () => {
  it('activates with ID number and name from the roster and uploads the 两照', async () => {
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;

    // Act
    await page.goto(`${system.url}/activate`);
    await page.getByLabel('身份证号').fill('140102199003071235');
    await page.getByLabel('姓名').fill('王小明');
    await page.getByLabel('设置密码').fill('Wang2026pass');
    await page.getByLabel('确认密码').fill('Wang2026pass');
    await page.getByLabel('手机号').fill('13912345678');
    await page.getByLabel('电子邮箱（选填）').fill('wxm@example.cn');
    await screenshot(page, 'activate-phone');
    await page.getByRole('button', { name: '完成认证，下一步上传照片' }).click();
    await page.waitForURL('**/identity');
    await page.getByRole('heading', { level: 1, name: '身份认证' }).waitFor();

    // Assert: two photos only
    expect(await page.locator('.slot-title').allInnerTexts()).toEqual([
      '1. 考生身份证照片（人像面）',
      '2. 考生手持身份证照（半身）',
    ]);
    expect(await page.locator('.rule-list li').first().innerText()).toBe(
      '两张照片要求必须为同一人，照片文件小于2M，并且确保照片清晰。',
    );

    // Act: upload both (the handheld one a PNG), submit
    await upload(page, '1. 考生身份证照片（人像面）', '身份证照片（人像面）', files.idCard);
    await upload(page, '2. 考生手持身份证照（半身）', '手持身份证照（半身）', files.png);
    await page.getByRole('button', { name: '提交认证' }).click();
    await page.getByText('人工审核中', { exact: true }).waitFor();

    // Assert
    const stored = await me(page);
    expect(stored.ticketNumber).toBe('010120100001');
    expect(stored.identity.photos.map((p) => [p.slot, p.width, p.height])).toEqual([
      ['idCardFront', 1024, 768],
      ['handheld', 320, 400],
    ]);
    expect(stored.identity.status).toBe('manual_review');
    await page
      .getByRole('banner')
      .getByRole('link', { name: /王小明/ })
      .click();
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    expect(await page.locator('.profile-row').allInnerTexts()).toEqual([
      '姓名\n王小明',
      '身份证号\n1401**********1235',
      '准考证号\n010120100001',
      '性别\n男',
      '民族\n—',
      '户口性质\n—',
      '文化程度\n—',
      '职业\n—',
      '政治面貌\n—',
      '手机号\n139****5678',
      '报名区县\n太原市招生考试中心',
      '电子邮箱\nwxm@example.cn',
    ]);
    expect(await page.locator('.eligibility li').allInnerTexts()).toEqual(['身份尚未认证通过']);
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });

  it('says so when the ID number and name are not on the roster', async () => {
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;
    await page.goto(`${system.url}/activate`);
    await page.getByLabel('身份证号').fill('140102199003071235');
    await page.getByLabel('姓名').fill('王晓明');
    await page.getByLabel('设置密码').fill('Wang2026pass');
    await page.getByLabel('确认密码').fill('Wang2026pass');
    await page.getByLabel('手机号').fill('13912345678');
    await page.getByRole('button', { name: '完成认证，下一步上传照片' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      '未找到与该身份证号和姓名相符的在籍考生记录，请核对；信息有误的请联系免考确认点办理。',
    );
    expect(tracked.errors).toEqual([
      'console: Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
    await tracked.close();
  });
});

describe('uploads on a weak network', () => {
  it('retries a dropped PUT once with a fresh URL, then offers 重试 (on a 360 px wide phone)', async () => {
    const tracked = await openPage(browser, { ...PHONE, viewport: { width: 360, height: 740 } });
    const { page } = tracked;
    await register(page, {
      name: '赵敏',
      idNumber: idNumber('14010219950101002'),
      mobile: '13700001111',
      password: 'Weak2026net',
    });

    // Prepare: the phone loses the connection for the next PUT(s) to S3
    let drop = 1;
    const puts: string[] = [];
    await page.route(
      (url) => !url.pathname.startsWith('/api/') && url.origin !== new URL(system.url).origin,
      async (route) => {
        if (route.request().method() !== 'PUT') return route.continue();
        puts.push(route.request().url());
        if (drop > 0) {
          drop -= 1;
          return route.abort('internetdisconnected');
        }
        return route.continue();
      },
    );

    // Act 1: one drop — the app asks for a new URL and succeeds on its own
    await upload(page, '1. 考生免冠彩色证件照（蓝底、白底、白灰底）', '免冠彩色证件照', files.portrait);

    // Assert 1
    expect(uploadRequests(tracked)).toHaveLength(2);
    expect(puts).toHaveLength(2);
    expect(new URL(puts[0]!).pathname).not.toBe(new URL(puts[1]!).pathname); // a fresh upload, not the same URL

    // Act 2: two drops — the card says so and offers 重试
    drop = 2;
    const card = slot(page, '2. 考生身份证照片（人像面）');
    await page.getByLabel('从相册选择：身份证照片（人像面）').setInputFiles(files.idCard);
    const alert = card.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('手机网络不稳定或已断开，请检查网络后点击“重试”。\n\n重试');
    expect(uploadRequests(tracked)).toHaveLength(4);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'identity-phone-360-retry');

    // Act 3: the network is back
    await card.getByRole('button', { name: '重试' }).click();
    await card.getByText('上传成功').waitFor();

    // Assert 3
    expect(uploadRequests(tracked)).toHaveLength(5);
    expect((await me(page)).identity.photos.map((p) => p.uploaded)).toEqual([true, true, false]);

    // Act 4: the session ends (cookie gone) before the third photo — the page sends the person to 登录
    await tracked.context.clearCookies();
    await page.getByLabel('从相册选择：手持身份证照（半身）').setInputFiles(files.idCard);
    await page.waitForURL('**/login');
    await page.getByLabel('身份证号或准考证号').fill(idNumber('14010219950101002'));
    await page.getByLabel('密码', { exact: true }).fill('Weak2026net');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/identity');
    expect(await page.locator('.slot-state').allInnerTexts()).toEqual([
      expect.stringMatching(/^已上传 480×640像素/),
      expect.stringMatching(/^已上传 1024×768像素/),
      '未上传',
    ]);
    expect(tracked.errors).toEqual([
      ...Array(3).fill('console: Failed to load resource: net::ERR_INTERNET_DISCONNECTED'),
      CONSOLE_401, // the upload request without a session
    ]);
    await tracked.close();
  });
});

describe('pages on a PC (1280 px)', () => {
  it('lays out registration, login, identity and 个人中心 without horizontal scrolling', async () => {
    const tracked = await openPage(browser, DESKTOP);
    const { page } = tracked;
    await page.goto(`${system.url}/start`);
    await page.getByRole('heading', { level: 2, name: '我是在籍考生' }).waitFor();
    expect(await page.getByRole('link', { name: '我是新生，点击开始注册' }).getAttribute('href')).toBe('/register');
    expect(await page.getByRole('link', { name: '我是在籍考生，点击完成认证' }).getAttribute('href')).toBe('/activate');
    await screenshot(page, 'start-desktop');
    await register(page, {
      name: '欧阳·娜娜',
      idNumber: idNumber('14010519881231004'),
      mobile: '+86 136 0000 2222',
      password: 'Desk2026top',
    });
    await upload(page, '1. 考生免冠彩色证件照（蓝底、白底、白灰底）', '免冠彩色证件照', files.camera);
    // A PC (no touch screen) has no camera flow: one button to choose a file.
    expect(await page.locator('input[type=file]').count()).toBe(3);
    expect(await page.locator('input[type=file][capture]').count()).toBe(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'identity-desktop');
    await page.goto(`${system.url}/me`);
    await page.getByRole('heading', { level: 1, name: '个人中心' }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: /^身份认证/ }).innerText()).toBe('身份认证 待上传照片');
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'me-desktop');
    await page.goto(`${system.url}/register`);
    await page.getByLabel('姓名').waitFor();
    await screenshot(page, 'register-desktop');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });
});

describe('photo preparation (web/src/photo) in Chromium', () => {
  /** web/src/photo/prepare.ts bundled as the global `photoPrep`, to call its functions in a page. */
  async function photoLab(): Promise<TrackedPage> {
    const bundle = await build({
      stdin: {
        contents: "export * from './prepare'; export { IDENTITY_PHOTO_LIMITS } from './rules';",
        resolveDir: path.resolve(import.meta.dirname, '../../web/src/photo'),
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'photoPrep',
      target: 'es2020',
      write: false,
    });
    const tracked = await openPage(browser, PHONE);
    await tracked.page.goto(`${system.url}/start`);
    await tracked.page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return tracked;
  }

  it('Chromium turns EXIF-rotated photos upright itself, in both decoders, so the canvas must not turn them again', async () => {
    const { page, close } = await photoLab();
    const applies = await page.evaluate<boolean[]>(
      "Promise.all([photoPrep.decoderAppliesOrientation('bitmap'), photoPrep.decoderAppliesOrientation('img')])",
    );
    expect(applies).toEqual([true, true]);
    await close();
  });

  it('turns a stored image upright by hand for all eight orientations (the path of older WebViews)', async () => {
    // Prepare: a stored 40×30 image, green, with a red square at its top-left and a blue one at its top-right
    const { page, close } = await photoLab();

    // Act: draw it with each orientation; read the colour near where each square must land
    const colours = await page.evaluate<Record<string, string[]>>(`(() => {
      const stored = document.createElement('canvas');
      stored.width = 40; stored.height = 30;
      const s = stored.getContext('2d');
      s.fillStyle = '#0f0'; s.fillRect(0, 0, 40, 30);
      s.fillStyle = '#f00'; s.fillRect(0, 0, 10, 10);
      s.fillStyle = '#00f'; s.fillRect(30, 0, 10, 10);
      const name = ([r, g, b]) => (r > 200 && g < 60 ? 'red' : b > 200 && r < 60 ? 'blue' : g > 200 ? 'green' : r + ',' + g + ',' + b);
      const out = {};
      for (let o = 1; o <= 8; o++) {
        const size = o >= 5 ? { width: 30, height: 40 } : { width: 40, height: 30 };
        const ctx = photoPrep.drawUpright(stored, size, o).getContext('2d');
        const at = (x, y) => name(ctx.getImageData(Math.min(Math.max(x, 2), size.width - 3), Math.min(Math.max(y, 2), size.height - 3), 1, 1).data);
        out[o] = [size.width + 'x' + size.height, at(0, 0), at(size.width, 0), at(0, size.height), at(size.width, size.height)];
      }
      return out;
    })()`);

    // Assert: corners (top-left, top-right, bottom-left, bottom-right) of the upright picture, per
    // EXIF/TIFF 6.0 (the same rule the Node unit test checks on the matrices)
    const expected = (o: number) => {
      const out = uprightSize({ width: 40, height: 30 }, o);
      const [a, b, c, d, e, f] = orientationMatrix(o, out);
      const land = (x: number, y: number) => [a * x + c * y + e, b * x + d * y + f];
      const corners = [
        [0, 0],
        [out.width, 0],
        [0, out.height],
        [out.width, out.height],
      ];
      const [red, blue] = [land(0, 0), land(40, 0)];
      const same = (p: number[], q: number[]) => p[0] === q[0] && p[1] === q[1];
      return [
        `${out.width}x${out.height}`,
        ...corners.map((corner) => (same(corner, red) ? 'red' : same(corner, blue) ? 'blue' : 'green')),
      ];
    };
    expect(colours).toEqual(Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8].map((o) => [o, expected(o)])));
    expect(colours[6]).toEqual(['30x40', 'green', 'red', 'green', 'blue']);
    await close();
  });

  it('re-encodes a transparent PNG over 2 MB as a JPEG under 2 MB with a white background', async () => {
    const { page, close } = await photoLab();
    const result = await page.evaluate<{
      input: number;
      type: string;
      bytes: number;
      size: string;
      left: number[];
    }>(`(async () => {
      // 1600×1200: the left quarter transparent, the rest noise (which PNG cannot compress)
      const c = document.createElement('canvas');
      c.width = 1600; c.height = 1200;
      const ctx = c.getContext('2d');
      const img = ctx.createImageData(1600, 1200);
      let seed = 7;
      for (let i = 0; i < img.data.length; i += 4) {
        const x = (i / 4) % 1600;
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        img.data[i] = seed & 255; img.data[i + 1] = (seed >> 8) & 255; img.data[i + 2] = (seed >> 16) & 255;
        img.data[i + 3] = x < 400 ? 0 : 255;
      }
      ctx.putImageData(img, 0, 0);
      const png = await new Promise((resolve) => c.toBlob(resolve, 'image/png'));
      const out = await photoPrep.preparePhoto(png, photoPrep.IDENTITY_PHOTO_LIMITS);
      const bitmap = await createImageBitmap(out.blob);
      const check = document.createElement('canvas');
      check.width = bitmap.width; check.height = bitmap.height;
      const cc = check.getContext('2d');
      cc.drawImage(bitmap, 0, 0);
      return {
        input: png.size, type: out.contentType + (out.reencoded ? ' reencoded' : ''), bytes: out.blob.size,
        size: bitmap.width + 'x' + bitmap.height, left: Array.from(cc.getImageData(100, 600, 1, 1).data),
      };
    })()`);
    expect(result.input).toBeGreaterThan(MB2);
    expect(result.type).toBe('image/jpeg reencoded');
    expect(result.bytes).toBeLessThan(MB2);
    expect(result.size).toBe('1600x1200');
    expect(result.left.slice(0, 3).every((v) => v >= 250)).toBe(true); // white, not black
    await close();
  });

  it('refuses a photo below 320×240 and a GIF with their messages', async () => {
    const { page, close } = await photoLab();
    const messages = await page.evaluate<string[]>(`(async () => {
      const c = document.createElement('canvas');
      c.width = 300; c.height = 200;
      c.getContext('2d').fillRect(0, 0, 300, 200);
      const small = await new Promise((resolve) => c.toBlob(resolve, 'image/jpeg', 0.9));
      const gif = new Blob([Uint8Array.from(atob('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7'), (ch) => ch.charCodeAt(0))]);
      const fail = (blob) => photoPrep.preparePhoto(blob, photoPrep.IDENTITY_PHOTO_LIMITS).then(() => 'accepted', (e) => e.name + ': ' + e.message);
      return [await fail(small), await fail(gif)];
    })()`);
    expect(messages).toEqual([
      'PhotoPrepError: 照片分辨率过低（300×200），应不低于320×240像素，请重新拍摄',
      'PhotoPrepError: 不支持GIF格式的图片，请选择 JPG 或 PNG 格式的照片，或截图后上传',
    ]);
    await close();
  });
});
