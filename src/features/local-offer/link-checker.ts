/**
 * Checks the external links of the Local Offer: visits each URL and says whether it works, moved, is broken,
 * timed out or could not be reached. Pure of the database: the job that stores results and tells owners is
 * built on top (see docs/local-offer.md).
 *
 * Polite by default: at most 8 requests at once overall and 2 to any one host, HEAD first (no body), GET only
 * when a server refuses HEAD (405 or 501), a time-out on every request, at most 5 redirects followed by hand
 * (so each hop has its own time-out and loops are caught), and a User-Agent that says who we are.
 */

export type LinkStatus = 'ok' | 'broken' | 'redirected' | 'timeout' | 'error';

export interface RedirectHop {
  readonly url: string;
  readonly status: number;
}

export interface LinkResult {
  readonly url: string;
  readonly status: LinkStatus;
  /** The last HTTP status seen, when there was an answer. */
  readonly httpStatus?: number;
  /** Where the redirects ended, when there were any. */
  readonly finalUrl?: string;
  /** True when the first redirect was permanent (301 or 308): the owner should change the link to `finalUrl`. */
  readonly permanent?: boolean;
  /** Each redirect answer, in order. */
  readonly redirects: readonly RedirectHop[];
  /** The method of the last request: GET when the server refused HEAD. */
  readonly method?: 'HEAD' | 'GET';
  /** What went wrong, in plain words, for `timeout` and `error`. */
  readonly error?: string;
  /** ISO instant the check finished. */
  readonly checkedAt: string;
  readonly durationMs: number;
}

export interface LinkCheckOptions {
  /** Time-out for each request, in milliseconds (default 10 000). */
  readonly timeoutMs?: number;
  /** Requests at once, overall (default 8). */
  readonly concurrency?: number;
  /** Requests at once to one host (default 2). */
  readonly perHost?: number;
  /** Redirects followed before giving up (default 5). */
  readonly maxRedirects?: number;
  readonly userAgent?: string;
  /** The clock, for `checkedAt` (default: the real one). */
  readonly now?: () => Date;
  /** The fetch to use (default: Node's). */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_USER_AGENT = 'GoldthreadLinkChecker/1.0 (SEND Local Offer link check)';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_STATUSES = new Set([301, 308]);

interface Settings {
  readonly timeoutMs: number;
  readonly maxRedirects: number;
  readonly userAgent: string;
  readonly now: () => Date;
  readonly fetch: typeof fetch;
}

/**
 * Checks every URL; results come back in the order given. The same URL given twice is checked once.
 * Never rejects: every failure is a result.
 */
export async function checkLinks(
  urls: readonly string[],
  options: LinkCheckOptions = {},
): Promise<LinkResult[]> {
  const concurrency = options.concurrency ?? 8;
  const perHost = options.perHost ?? 2;
  if (!(concurrency >= 1) || !(perHost >= 1)) throw new Error('concurrency and perHost must be at least 1');
  const settings = settingsFrom(options);

  const unique = [...new Set(urls)];
  const results = new Map<string, LinkResult>();
  const queue = unique.map((url) => ({ url, host: hostOf(url) }));
  const activeByHost = new Map<string, number>();
  let active = 0;

  await new Promise<void>((resolve) => {
    const launch = (): void => {
      if (queue.length === 0 && active === 0) {
        resolve();
        return;
      }
      for (let i = 0; i < queue.length && active < concurrency;) {
        const item = queue[i]!;
        const busy = activeByHost.get(item.host) ?? 0;
        if (busy >= perHost) {
          i++;
          continue;
        }
        queue.splice(i, 1);
        active++;
        activeByHost.set(item.host, busy + 1);
        void checkOne(item.url, settings).then((result) => {
          results.set(item.url, result);
          active--;
          activeByHost.set(item.host, (activeByHost.get(item.host) ?? 1) - 1);
          launch();
        });
      }
    };
    launch();
  });

  return urls.map((url) => results.get(url)!);
}

/** Checks one URL. Never rejects. */
export async function checkLink(url: string, options: LinkCheckOptions = {}): Promise<LinkResult> {
  return checkOne(url, settingsFrom(options));
}

function settingsFrom(options: LinkCheckOptions): Settings {
  return {
    timeoutMs: options.timeoutMs ?? 10_000,
    maxRedirects: options.maxRedirects ?? 5,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    now: options.now ?? (() => new Date()),
    fetch: options.fetch ?? fetch,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

async function checkOne(url: string, s: Settings): Promise<LinkResult> {
  const started = performance.now();
  const redirects: RedirectHop[] = [];
  const done = (fields: Omit<LinkResult, 'url' | 'redirects' | 'checkedAt' | 'durationMs'>): LinkResult => ({
    url,
    ...fields,
    redirects,
    checkedAt: s.now().toISOString(),
    durationMs: Math.round(performance.now() - started),
  });

  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return done({ status: 'error', error: 'Not a valid web address' });
  }
  const seen = new Set<string>();
  let method: 'HEAD' | 'GET' = 'HEAD';

  for (;;) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      return done({ status: 'error', error: `Not a web link (${current.protocol})` });
    }
    seen.add(current.href);
    let response: Response;
    try {
      response = await request(current, method, s);
      if (method === 'HEAD' && (response.status === 405 || response.status === 501)) {
        method = 'GET';
        response = await request(current, method, s);
      }
    } catch (err) {
      return done({
        ...failure(err, s.timeoutMs),
        method,
        ...(redirects.length > 0 ? { finalUrl: current.href } : {}),
      });
    }

    const status = response.status;
    const location = response.headers.get('location');
    if (REDIRECT_STATUSES.has(status) && location) {
      redirects.push({ url: current.href, status });
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return done({
          status: 'error',
          httpStatus: status,
          method,
          error: `Redirect to a bad address: ${location}`,
        });
      }
      if (seen.has(next.href)) {
        return done({
          status: 'error',
          httpStatus: status,
          method,
          finalUrl: next.href,
          error: 'Redirect loop',
        });
      }
      if (redirects.length > s.maxRedirects) {
        return done({
          status: 'error',
          httpStatus: status,
          method,
          finalUrl: next.href,
          error: `Too many redirects (more than ${s.maxRedirects})`,
        });
      }
      current = next;
      continue;
    }

    const moved = redirects.length > 0;
    const where = moved
      ? { finalUrl: current.href, permanent: PERMANENT_STATUSES.has(redirects[0]!.status) }
      : {};
    if (status >= 200 && status < 300) {
      return done({ status: moved ? 'redirected' : 'ok', httpStatus: status, method, ...where });
    }
    return done({ status: 'broken', httpStatus: status, method, ...where });
  }
}

async function request(url: URL, method: 'HEAD' | 'GET', s: Settings): Promise<Response> {
  const response = await s.fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(s.timeoutMs),
    headers: { 'user-agent': s.userAgent, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
  });
  // We only need the status: drop any body rather than download it.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

function failure(err: unknown, timeoutMs: number): { status: 'timeout' | 'error'; error: string } {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return { status: 'timeout', error: `No answer within ${timeoutMs / 1000} seconds` };
  }
  const code = e.cause?.code;
  const plain: Record<string, string> = {
    ENOTFOUND: 'The website’s address does not exist (DNS lookup failed)',
    EAI_AGAIN: 'The website’s address could not be looked up (DNS lookup failed)',
    ECONNREFUSED: 'The website refused the connection',
    ECONNRESET: 'The website closed the connection',
    CERT_HAS_EXPIRED: 'The website’s security certificate has expired',
    ERR_TLS_CERT_ALTNAME_INVALID: 'The website’s security certificate is for a different address',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'The website’s security certificate is not trusted',
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'The website’s security certificate is not trusted',
  };
  const text = (code && plain[code]) ?? e.cause?.message ?? e.message ?? String(err);
  return { status: 'error', error: code ? `${text} (${code})` : text };
}
