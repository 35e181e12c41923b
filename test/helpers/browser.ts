/**
 * Browser tests: Debian's Chromium driven by playwright-core (no browser download), with axe checking WCAG 2.0,
 * 2.1 and 2.2 at levels A and AA on every page a test visits.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Engine } from '../../src/platform/db/database.ts';
import { startService, type Service } from '../../src/app/service.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';
import { nextCode, secondFactorClock } from './second-factor.ts';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
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

/**
 * The worker's Chromium: browser test files share their worker (ADR 0072), and each used to launch a Chromium of its
 * own. One is launched for the worker's first browser file and kept for the next (launched again if it went away). It
 * is not closed by the files: Playwright closes the browsers it launched when the worker ends (Vitest stops a worker
 * with SIGTERM, and Playwright's handler closes them before the process exits).
 */
let workerChromium: Promise<Browser> | undefined;

async function sharedChromium(): Promise<Browser> {
  const current = workerChromium;
  if (current) {
    const browser = await current.catch(() => undefined);
    if (browser?.isConnected()) return browser;
    if (workerChromium === current) workerChromium = undefined;
  }
  workerChromium ??= launchChromium();
  workerChromium.catch(() => (workerChromium = undefined));
  return workerChromium;
}

/**
 * A test file's browser: the worker's Chromium (`sharedChromium`), seen through a handle that keeps the file's own
 * contexts apart. Every context or page the file opens is a new browser context (its own cookies, storage and cache,
 * as in a browser of its own), and the handle's `close()` closes those contexts and leaves Chromium running for the
 * worker's next file. Everything else is Chromium's own.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await sharedChromium();
  const contexts = new Set<BrowserContext>();
  const opened = (context: BrowserContext) => {
    contexts.add(context);
    context.once('close', () => contexts.delete(context));
    return context;
  };
  const own: Partial<Browser> = {
    newContext: async (options) => opened(await browser.newContext(options)),
    newPage: async (options) => {
      const page = await browser.newPage(options);
      opened(page.context());
      return page;
    },
    contexts: () => [...contexts],
    close: async () => {
      await Promise.all([...contexts].map((context) => context.close()));
    },
  };
  return new Proxy(browser, {
    get(target, name): unknown {
      if (Object.hasOwn(own, name)) return own[name as keyof Browser];
      const value: unknown = Reflect.get(target, name);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface DemoServer {
  baseUrl: string;
  service: Service;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real service in demo mode on the given engine, listening on a free local port. Its database is a copy of the
 * run's demo image (`DEMO_IMAGE_CHILDREN` children), so the service finds the demo authority there and seeds nothing.
 */
export async function startDemoServer(
  engine: Engine,
  options: { env?: Record<string, string>; port?: number; today?: () => string } = {},
): Promise<DemoServer> {
  const database = await createTestDatabase(engine, { image: 'demo' });
  const config = loadConfig({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'true',
    COOKIE_SECRET: 'browser-test-secret-browser-test-secret',
    SIGN_IN_LIMIT: '100',
    ...options.env,
  });
  const service = await startService(config, {
    database,
    logger: false,
    workers: false,
    now: secondFactorClock,
    ...(options.today ? { today: options.today } : {}),
  });
  await service.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const { port } = service.app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    service,
    database,
    async close() {
      await service.close();
      await database.close();
    },
  };
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A browser test file's demo server and Chromium, and its demo accounts' signed-in pages. */
export interface DemoBrowser {
  readonly server: DemoServer;
  readonly browser: Browser;
  readonly baseUrl: string;
  /**
   * A new page, in a context of its own (a phone's viewport, say), signed in as the demo account. The first page of
   * an account in the file signs in through the form, second factor and all; later ones start from that sign-in's
   * cookies (Playwright's storage state: the same session, as a second tab would have), saving a sign-in each.
   * Either way the page is on the account's home page. A test that signs out uses `signInAs` on a page of its own.
   */
  signedIn(email: string, options?: BrowserContextOptions): Promise<Page>;
  /**
   * A new page in a context of its own, signed in as the demo account through the form (second factor and all) even
   * when the account has signed in before in the file: for a test of signing in. Later `signedIn` pages of the
   * account start from this sign-in's cookies.
   */
  signsInThroughForm(email: string, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * The set-up every browser test file shares: registers the hooks that start the real service in demo mode (a copy of
 * the demo image, `startDemoServer`) and get the file's browser (`launchBrowser`: the worker's Chromium) side by side
 * before the file's tests, and after them close the server and the file's browser contexts. Use the returned object
 * inside tests (its fields are there once the file's `beforeAll` has run).
 */
export function useDemoBrowser(
  engine: Engine = 'pglite',
  options: Parameters<typeof startDemoServer>[1] = {},
): DemoBrowser {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const states = new Map<string, StorageState>();
  const ready = <T>(value: T | undefined): T => {
    if (!value) throw new Error('useDemoBrowser: the demo server is not started yet (use it inside a test)');
    return value;
  };
  /** A page on the account's home page: from the storage state given, or signed in through the form. */
  const open = async (
    email: string,
    contextOptions: BrowserContextOptions,
    state: StorageState | undefined,
  ) => {
    const context = await ready(browser).newContext({
      ...contextOptions,
      ...(state ? { storageState: state } : {}),
    });
    const page = await context.newPage();
    if (state) await page.goto(`${ready(server).baseUrl}/`);
    else {
      await signInAs(page, ready(server).baseUrl, email, DEMO_PASSWORD);
      states.set(email, await context.storageState());
    }
    return page;
  };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(engine, options), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get baseUrl() {
      return ready(server).baseUrl;
    },
    signedIn(email, contextOptions = {}) {
      return open(email, contextOptions, states.get(email));
    },
    signsInThroughForm(email, contextOptions = {}) {
      return open(email, contextOptions, undefined);
    },
  };
}

/**
 * axe-core itself, with the configuration @axe-core/playwright gives it. A browser context gets it as an init script,
 * so the browser loads it with each page: sending the script over the DevTools protocol for every check (and opening
 * a blank page to finish each run, as AxeBuilder does) cost several times the check itself. It is the package's own
 * minified build of the same version (`axe.min.js`, 654 kB): `axe.source` is the readable build, 1.48 MB, and the
 * browser parses the script with every page it loads, which cost 30 ms of processor time a page against 10 ms.
 */
const AXE_SCRIPT = `${readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')}
;axe.configure({ allowedOrigins: ['<same_origin>'], branding: { application: 'playwright' } });`;
const axeReady = new WeakSet<BrowserContext>();

interface AxeRun {
  violations: Array<{
    id: string;
    impact?: string | null;
    help: string;
    nodes: Array<{ target: unknown[] }>;
  }>;
}

/**
 * axe's options: every WCAG A and AA rule runs on every node. Only the violations are reported in full: axe builds a
 * selector for every node of every result it reports, and for the passes on a long table that cost as much again as
 * the rules themselves (with `resultTypes` the other kinds keep one node each; the check never read them).
 * Before its rules that need them, axe loads two kinds of asset: the media of autoplaying audio and video (for
 * `no-autoplay-audio`, a WCAG A rule, kept) and every style sheet, copied and parsed again into a document of its own
 * (for `css-orientation-lock`, which is experimental: not among the rules the tags select, so it never runs). Only the
 * media are loaded: the style sheets' copy was 5 to 10% of each check's processor time, for no rule.
 */
const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: WCAG_TAGS },
  resultTypes: ['violations'],
  preload: { assets: ['media'] },
};

/**
 * Run in the page: the violations, cut down to what the check reports, so little crosses the DevTools protocol; or
 * `null` when the page has no axe yet (one round trip for both: asking first cost a round trip per check).
 */
const AXE_RUN = `typeof window.axe !== 'object' ? null : axe.run(document, ${JSON.stringify(AXE_OPTIONS)}).then((r) => ({
  violations: r.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => ({ target: n.target })),
  })),
}))`;

async function runAxe(page: Page): Promise<AxeRun> {
  // With frames in the page, AxeBuilder's frame-by-frame run is the one that reaches into each of them.
  if (page.frames().length > 1) return new AxeBuilder({ page }).options(AXE_OPTIONS).analyze();
  const context = page.context();
  if (!axeReady.has(context)) {
    axeReady.add(context);
    await context.addInitScript({ content: AXE_SCRIPT });
  }
  const run = await page.evaluate<AxeRun | null>(AXE_RUN);
  if (run) return run;
  // Pages opened before the init script (the context's first) get the script once here.
  await page.evaluate(AXE_SCRIPT);
  return (await page.evaluate<AxeRun | null>(AXE_RUN))!;
}

/**
 * Runs axe once the page has loaded. A click's navigation that begins as axe runs ends the document under it (CI on
 * 1fe28da: "Cannot read properties of null (reading 'documentElement')"): axe runs again on the page that loads.
 */
async function runAxeSettled(page: Page): Promise<AxeRun> {
  for (let attempt = 1; ; attempt++) {
    await page.waitForLoadState('load');
    try {
      return await runAxe(page);
    } catch (err) {
      const navigated = /documentElement|Execution context was destroyed|navigation/i.test(String(err));
      if (!navigated || attempt >= 3) throw err;
    }
  }
}

/** Runs axe on the page and fails with a readable list of any violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await runAxeSettled(page);
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  expect(summary, `accessibility violations on ${label}`).toEqual([]);
}

/** Fails when the page scrolls sideways (a family's page must fit a 320 to 390 pixel phone). */
export async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const [scroll, client] = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  if (scroll > client) throw new Error(`sideways scrolling on ${label}: ${scroll} px wide in ${client} px`);
}

export async function signInAs(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  // Staff (and families who chose one) give the code from their authenticator: the demo key's (issue 19 item 3).
  if (new URL(page.url()).pathname === '/second-factor') {
    await page.getByLabel('Enter the code from your authenticator app').fill(nextCode());
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/second-factor'));
  }
}

/**
 * Same-site links on the page that a visit may follow (not sign-out, assets, in-page anchors or downloads: a link
 * marked `download`, or to a document such as a decision notice's PDF or Word file, is not a page to check).
 */
export async function pageLinks(page: Page, baseUrl: string): Promise<string[]> {
  // One plain evaluation (the pages have no shadow roots for Playwright's selector engine to pierce): a locator's
  // `evaluateAll` goes through that engine, more work in the page for the same list.
  const hrefs = await page.evaluate<string[]>(
    "Array.from(document.querySelectorAll('a[href]:not([download])'), (a) => a.href)",
  );
  const seen = new Set<string>();
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== baseUrl) continue;
    if (
      url.pathname.startsWith('/assets') ||
      url.pathname.startsWith('/static') ||
      url.pathname === '/sign-out' ||
      /\.(pdf|docx|xlsx|csv|xml)$/.test(url.pathname)
    )
      continue;
    url.hash = '';
    seen.add(url.pathname + url.search);
  }
  return [...seen];
}
