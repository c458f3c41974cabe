/**
 * Headless Chromium for the browser tests (issue #21 item 6), driven through puppeteer-core (which
 * downloads no browser: it runs Debian's `chromium` package, or the one CHROMIUM_PATH names). One
 * browser per test file (`launchChromium`), one watched page per check (`watchPage`): every request
 * the page makes, every dialog it opens (dismissed at once), every script error. The layout probe
 * (`layoutOf`) measures what a person would meet at a given width: horizontal scroll, and whether
 * each action is on screen and the element a click at its centre reaches. Screenshots go to
 * `artifacts/browser/` (ignored by git).
 *
 * Without Chromium, `describeWithChromium` fails the file under CI=true and skips it locally,
 * saying how to install it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { REPO_ROOT } from './connector-account';

export const ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'browser');

/**
 * The little of the browser's DOM the probes below use. The project compiles without the DOM
 * library (its code runs in Node.js and NetSuite), so code that runs in the page reads the page's
 * globals through these shapes.
 */
interface PageRect {
  left: number;
  right: number;
  top: number;
  width: number;
  height: number;
}
interface PageElement {
  tagName: string;
  className: unknown;
  textContent: string | null;
  href?: string;
  src?: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): PageRect;
  contains(other: PageElement): boolean;
}
interface PageWindow {
  innerWidth: number;
  innerHeight: number;
  scrollY: number;
  scrollTo(x: number, y: number): void;
  location: { href: string; origin: string };
  __pwned?: unknown;
  document: {
    querySelectorAll(selector: string): ArrayLike<PageElement>;
    elementFromPoint(x: number, y: number): PageElement | null;
    documentElement: { scrollWidth: number };
    body: { innerText: string; querySelectorAll(selector: string): ArrayLike<PageElement> };
  };
}

/** Where Debian, Ubuntu and Google's packages put the browser, in the order tried. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
] as const;

export const CHROMIUM_MISSING =
  'Headless Chromium is not installed: run `apt-get install -y chromium` (Debian; `bash .ci/install-chromium.sh` does it) or set CHROMIUM_PATH to a Chromium or Chrome binary.';

/** What the browser tests look at: the environment and whether a file exists (injected in tests). */
export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  exists(file: string): boolean;
}

const realLookup: ChromiumLookup = { env: process.env, exists: (file) => fs.existsSync(file) };

/** The Chromium binary: CHROMIUM_PATH when set, else Debian's and the usual places; null when none exists. */
export function findChromium(lookup: ChromiumLookup = realLookup): string | null {
  const fromEnv = lookup.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') return lookup.exists(fromEnv) ? fromEnv : null;
  return CHROMIUM_CANDIDATES.find((p) => lookup.exists(p)) ?? null;
}

/**
 * Whether the browser tests run: with the binary found; without one, under CI=true they fail (a CI
 * run must not pass without its browser tests), elsewhere they are skipped. The message says what is
 * missing and how to fix it.
 */
export type ChromiumDecision =
  { action: 'run'; chromium: string } | { action: 'fail' | 'skip'; message: string };

export function chromiumDecision(lookup: ChromiumLookup = realLookup): ChromiumDecision {
  const chromium = findChromium(lookup);
  if (chromium !== null) return { action: 'run', chromium };
  const fromEnv = lookup.env.CHROMIUM_PATH;
  const missing =
    fromEnv !== undefined && fromEnv !== ''
      ? `CHROMIUM_PATH is ${JSON.stringify(fromEnv)}, which does not exist: point it at a Chromium or Chrome binary, or unset it to use Debian's \`chromium\` package (\`apt-get install -y chromium\`).`
      : `${CHROMIUM_MISSING} Looked in ${CHROMIUM_CANDIDATES.join(', ')}.`;
  return lookup.env.CI === 'true'
    ? { action: 'fail', message: `${missing} Under CI=true the browser tests fail rather than skip.` }
    : { action: 'skip', message: `${missing} The browser tests are skipped (they fail under CI=true).` };
}

/**
 * `describe` when Chromium is there. Without it: under CI=true one failing test naming the fix;
 * locally the block is skipped with the same message (printed, and in the block's name).
 */
export function describeWithChromium(
  name: string,
  body: (chromium: string) => void,
  lookup: ChromiumLookup = realLookup,
): void {
  const decision = chromiumDecision(lookup);
  if (decision.action === 'run') {
    describe(name, () => body(decision.chromium));
    return;
  }
  if (decision.action === 'fail') {
    describe(name, () => {
      it('needs headless Chromium', () => {
        throw new Error(decision.message);
      });
    });
    return;
  }
  console.warn(`Skipping the browser tests "${name}": ${decision.message}`);
  describe.skip(`${name} (skipped: ${decision.message})`, () => body(''));
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return puppeteer.launch({
    executablePath,
    headless: true,
    // Root in CI and containers: Chromium's sandbox needs user namespaces it may not have there.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Every request the page made (URL), navigations included. */
  requests: string[];
  /** Messages of the dialogs (alert, confirm, prompt) the page opened; each is dismissed. */
  dialogs: string[];
  /** Uncaught script errors. */
  errors: string[];
}

/** A new page (its own cookies, in a fresh context) that records requests, dialogs and script errors. */
export async function watchPage(browser: Browser, width = 1280): Promise<WatchedPage> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width, height: 900 });
  const watched: WatchedPage = { page, requests: [], dialogs: [], errors: [] };
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('dialog', (dialog) => {
    watched.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => watched.errors.push(String(error)));
  return watched;
}

export async function closePage(watched: WatchedPage): Promise<void> {
  await watched.page.browserContext().close();
}

/** Requests to another origin than `origin` (data: and about: URLs load nothing). */
export function foreignRequests(requests: readonly string[], origin: string): string[] {
  return requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('about:') && new URL(u).origin !== origin,
  );
}

/** `<link href>` and `<script src>` of the page that point at another origin. */
export async function foreignAssets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const win = globalThis as unknown as PageWindow;
    const urls = [
      ...Array.from(win.document.querySelectorAll('link[href]')).map((l) => l.href ?? ''),
      ...Array.from(win.document.querySelectorAll('script[src]')).map((s) => s.src ?? ''),
    ];
    return urls.filter((u) => new URL(u, win.location.href).origin !== win.location.origin);
  });
}

/** What an injected script would set (`window.__pwned`); null when nothing ran. */
export async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (globalThis as unknown as PageWindow).__pwned ?? null);
}

/** The page's text as a person sees it. */
export async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as PageWindow).document.body.innerText);
}

export interface ActionLayout {
  label: string;
  /** Inside the window (after scrolling the page vertically to it), with a size. */
  visible: boolean;
  /** A click at its centre reaches it (elementFromPoint is the action or inside it). */
  clickable: boolean;
}

export interface Layout {
  scrollWidth: number;
  innerWidth: number;
  /** The first elements reaching past the window's right edge (tag.class right-edge), to name the culprit. */
  overflowing: string[];
  actions: ActionLayout[];
}

/**
 * At the page's current width: the document's scroll width against the window's, and for each
 * element matching `actionSelector` whether it is on screen and reachable by a click. Only the page
 * is scrolled (vertically, to each action): an action hidden in a sideways-scrolling box counts as
 * not visible.
 */
export async function layoutOf(page: Page, actionSelector: string): Promise<Layout> {
  return page.evaluate((selector) => {
    const window = globalThis as unknown as PageWindow;
    const document = window.document;
    const actions = Array.from(document.querySelectorAll(selector)).map((el) => {
      const before = el.getBoundingClientRect();
      window.scrollTo(0, window.scrollY + before.top - window.innerHeight / 2);
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const visible =
        r.width > 0 &&
        r.height > 0 &&
        r.left >= 0 &&
        r.right <= window.innerWidth &&
        y >= 0 &&
        y <= window.innerHeight;
      const hit = visible ? document.elementFromPoint(x, y) : null;
      return {
        label: (el.textContent ?? '').trim() || el.getAttribute('value') || el.tagName,
        visible,
        clickable: hit !== null && (hit === el || el.contains(hit)),
      };
    });
    window.scrollTo(0, 0);
    const overflowing = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className)}` : ''} ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      overflowing,
      actions,
    };
  }, actionSelector);
}

/** Saves a full-page screenshot as `artifacts/browser/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png`, fullPage: true });
}
