/**
 * The browser side of the end-to-end tests: Debian's Chromium driven by playwright-core (Playwright's
 * own browser downloads are not reachable here), a phone-sized context by default, and a record of
 * what each page did (console errors, page errors, failed requests, requested URLs) so a journey can
 * assert that nothing went wrong silently.
 *
 * Chromium: `apt-get install -y chromium`, or set CHROMIUM_PATH.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

/** Where screenshots go (git-ignored). */
export const RESULTS_DIR = path.resolve(import.meta.dirname, '../../test-results');

/** A phone in WeChat: 390×844 CSS px (iPhone 12–15 size), touch, Chinese locale, Beijing time. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.50',
};

/** A desktop PC at a common office resolution (staff use these). */
export const DESKTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 },
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
};

/** Launches headless Debian Chromium with the flags that work on these machines (stack.md). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page plus what happened on it since it was opened. */
export interface TrackedPage {
  context: BrowserContext;
  page: Page;
  /** `console.error` messages and uncaught page errors, in order. */
  errors: string[];
  /** Every URL the page requested (documents, scripts, styles, API calls, images). */
  requests: string[];
  /** Requests that got no answer (`url — reason`). Aborted navigations are included. */
  failedRequests: string[];
  /** Closes the page's context (and its cookies). */
  close(): Promise<void>;
}

/**
 * Opens a fresh context (own cookies) and page, recording errors and requests.
 * @param options Context options; defaults to {@link PHONE}. Use {@link DESKTOP} for a PC.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = PHONE): Promise<TrackedPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  const failedRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) =>
    failedRequests.push(`${request.url()} — ${request.failure()?.errorText ?? 'failed'}`),
  );
  return { context, page, errors, requests, failedRequests, close: () => context.close() };
}

/**
 * Saves a full-page PNG to `test-results/<name>.png`.
 * @returns The file's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * True when the page is wider than its viewport (horizontal scrolling), which must not happen on a
 * phone.
 */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  // A string runs in the page: the root tsconfig (Node code) has no DOM types, on purpose.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}

/**
 * The shape of a DOM element as seen from `evaluate`/`evaluateAll` callbacks in tests, so they type
 * without the DOM lib (which the Node-side tsconfig does not load).
 */
export interface InPageElement {
  readonly innerText: string;
  querySelectorAll(selector: string): ArrayLike<InPageElement>;
}
