/**
 * Journey: a candidate opens the home page on a phone and sees the public catalog (window, majors by
 * level with the 停 badge, confirmation points, certificate types) and the entries; the staff pages
 * are a separate chunk that only /staff downloads.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CatalogView } from '../../functions/routes.js';
import {
  DESKTOP,
  PHONE,
  hasHorizontalScroll,
  type InPageElement,
  launchBrowser,
  openPage,
  screenshot,
} from './browser.js';
import { startE2eSystem, type E2eSystem } from './system.js';
import { STAFF_CHUNK_SRC, chunkFiles } from './web-build.js';

let system: E2eSystem;
let browser: Browser;
let catalog: z.infer<typeof CatalogView>;
let staffFiles: string[];

beforeAll(async () => {
  system = await startE2eSystem();
  browser = await launchBrowser();
  catalog = (await (await fetch(`${system.url}/api/catalog`)).json()) as z.infer<typeof CatalogView>;
  staffFiles = await chunkFiles(STAFF_CHUNK_SRC);
});

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const requested = (requests: string[], files: string[]) =>
  requests.filter((url) => files.some((file) => new URL(url).pathname === file));

describe('home page on a phone', () => {
  it('shows the catalog from the API, the entries, and loads no staff code', async () => {
    // Prepare
    const tracked = await openPage(browser, PHONE);
    const { page } = tracked;

    // Act
    await page.goto(system.url);
    await page.getByRole('heading', { level: 2, name: '面向社会开考专业' }).waitFor();

    // Assert: the page and its title
    expect(await page.title()).toBe('自学考试免考申请');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('自学考试免考申请');
    expect(await page.getByRole('banner').innerText()).toContain('山西自学考试信息服务平台');

    // Assert: majors grouped by level, in the catalog's order, as `code name`
    const associate = page.getByRole('list', { name: '专科面向社会开考专业' }).getByRole('listitem');
    const bachelor = page.getByRole('list', { name: '本科面向社会开考专业' }).getByRole('listitem');
    const expectedItems = (level: string) =>
      catalog.majors.filter((m) => m.level === level).map((m) => `${m.code} ${m.name}${m.discontinued ? ' 停' : ''}`);
    // What the eye sees: code, name and the visible badge (the screen-reader text is checked below).
    const seen = (items: InPageElement[]) =>
      items.map((item) =>
        Array.from(item.querySelectorAll('.major-code, .major-name, .badge-stop'))
          .map((part) => part.innerText)
          .join(' '),
      );
    expect(await associate.evaluateAll(seen)).toEqual(expectedItems('专科'));
    expect(await bachelor.evaluateAll(seen)).toEqual(expectedItems('本科'));
    expect(await bachelor.filter({ hasText: '080702' }).innerText()).toBe('080702 计算机及应用');

    // Assert: the discontinued major shows a visible 停 badge and says what it means to screen readers
    const primaryEducation = bachelor.filter({ hasText: '040112' });
    const badge = primaryEducation.locator('.badge-stop');
    expect(await badge.isVisible()).toBe(true);
    expect(await badge.innerText()).toBe('停');
    // The badge itself is aria-hidden; screen readers hear the meaning instead of a lone 停.
    expect(await primaryEducation.ariaSnapshot()).toBe('- listitem: 040112 小学教育 （停：预停考专业，限老生申请）');
    expect(await bachelor.locator('.badge-stop').count()).toBe(
      catalog.majors.filter((m) => m.level === '本科' && m.discontinued).length,
    );

    // Assert: the window
    const windowHeading = page.getByRole('heading', { level: 2, name: /^免考申请期间/ });
    expect(await windowHeading.innerText()).toBe(`免考申请期间 ${catalog.window.open ? '开放中' : '未开放'}`);

    // Assert: confirmation points and certificate types, in the catalog's order
    const points = page.getByRole('heading', { level: 3 }).filter({ hasText: '招生考试中心' });
    expect(await points.allInnerTexts()).toEqual(catalog.confirmationPoints.map((p) => p.name));
    expect(await page.getByRole('heading', { level: 3, name: '太原市招生考试中心' }).isVisible()).toBe(true);
    const certificates = page.locator('.certificate-list > li');
    expect(await certificates.allInnerTexts()).toEqual(catalog.certificateTypes.map((t) => t.name));
    expect(await certificates.first().innerText()).toBe('学历证书');

    // Assert: the entries lead where the seed's buttons lead
    const href = (name: string) => page.getByRole('link', { name }).getAttribute('href');
    expect(await href('我是新考生 ›')).toBe('/register');
    expect(await href('我是在籍考生 ›')).toBe('/activate');
    expect(await page.getByRole('main').getByRole('link', { name: '考生登录' }).getAttribute('href')).toBe('/login');
    expect(await href('工作人员入口')).toBe('/staff');

    // Assert: fits a phone, nothing failed, no staff code downloaded
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'home-phone');
    expect(tracked.errors).toEqual([]);
    expect(tracked.failedRequests).toEqual([]);
    expect(requested(tracked.requests, staffFiles)).toEqual([]);
    await tracked.close();
  });

  it('fits a 360 px wide screen without horizontal scrolling', async () => {
    // Prepare
    const tracked = await openPage(browser, { ...PHONE, viewport: { width: 360, height: 740 } });

    // Act
    await tracked.page.goto(system.url);
    await tracked.page.getByRole('heading', { level: 2, name: '免考确认点' }).waitFor();

    // Assert
    expect(await hasHorizontalScroll(tracked.page)).toBe(false);
    await screenshot(tracked.page, 'home-phone-360');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });

  it('says the network failed, and shows the catalog after 重试', async () => {
    // Prepare: the phone is offline for the catalog request (the first try and the client's one
    // automatic retry) until the candidate taps 重试
    const tracked = await openPage(browser, PHONE);
    let online = false;
    let dropped = 0;
    await tracked.page.route('**/api/catalog', async (route) => {
      if (online) return route.continue();
      dropped += 1;
      return route.abort('internetdisconnected');
    });
    await tracked.page.goto(system.url);
    const alert = tracked.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toBe(
      '免考申请信息加载失败\n\n手机网络不稳定或已断开，请检查网络后点击“重试”。\n\n重试',
    );
    expect(dropped).toBe(2);

    // Act
    online = true;
    await alert.getByRole('button', { name: '重试' }).click();

    // Assert
    await tracked.page.getByRole('heading', { level: 2, name: '免考确认点' }).waitFor();
    expect(await alert.count()).toBe(0);
    expect(dropped).toBe(2);
    await tracked.close();
  });
});

describe('pages other than home', () => {
  it('/staff loads the staff chunk and shows the staff login form', async () => {
    // Prepare
    const tracked = await openPage(browser, DESKTOP);

    // Act
    await tracked.page.goto(`${system.url}/staff`);
    await tracked.page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();

    // Assert (the staff journey itself is test/e2e/staff.test.ts)
    expect(await tracked.page.getByLabel('用户名').isVisible()).toBe(true);
    expect(await tracked.page.getByLabel('密码').isVisible()).toBe(true);
    expect(requested(tracked.requests, staffFiles).length).toBeGreaterThan(0);
    await screenshot(tracked.page, 'staff-desktop');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });

  it('the staff chunk loads only when a candidate follows 工作人员入口', async () => {
    // Prepare
    const tracked = await openPage(browser, PHONE);
    await tracked.page.goto(system.url);
    await tracked.page.getByRole('heading', { level: 2, name: '面向社会开考专业' }).waitFor();
    expect(requested(tracked.requests, staffFiles)).toEqual([]);

    // Act
    await tracked.page.getByRole('link', { name: '工作人员入口' }).click();
    await tracked.page.getByRole('heading', { level: 1, name: '工作人员登录' }).waitFor();

    // Assert
    expect(new URL(tracked.page.url()).pathname).toBe('/staff');
    expect(requested(tracked.requests, staffFiles).length).toBeGreaterThan(0);
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });

  it('an unknown address says 页面不存在', async () => {
    // Prepare
    const tracked = await openPage(browser, PHONE);

    // Act
    await tracked.page.goto(`${system.url}/no-such-page`);
    await tracked.page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();

    // Assert
    expect(await tracked.page.getByRole('link', { name: '返回首页' }).getAttribute('href')).toBe('/');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });

  it('the home page on a PC shows majors in columns', async () => {
    // Prepare
    const tracked = await openPage(browser, DESKTOP);

    // Act
    await tracked.page.goto(system.url);
    const list = tracked.page.getByRole('list', { name: '本科面向社会开考专业' });
    await list.waitFor();

    // Assert: four columns at 1280 px, as the seed lays them out (distinct left edges of the items)
    const boxes = await Promise.all((await list.getByRole('listitem').all()).map((item) => item.boundingBox()));
    expect(new Set(boxes.map((box) => Math.round(box?.x ?? -1))).size).toBe(4);
    expect(await hasHorizontalScroll(tracked.page)).toBe(false);
    await screenshot(tracked.page, 'home-desktop');
    expect(tracked.errors).toEqual([]);
    await tracked.close();
  });
});
