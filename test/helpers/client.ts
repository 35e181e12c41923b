/**
 * A browser-like client for route tests over fastify.inject: keeps cookies, reads the CSRF token from the page's
 * form like a browser would, and posts forms. CSRF protection is exercised, never switched off.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_TOTP_SECRET } from '../../src/platform/auth/second-factor.ts';
import { keyFromSetUpPage, nextCode } from './second-factor.ts';

export class TestClient {
  private readonly cookies = new Map<string, string>();
  private readonly app: FastifyInstance;
  constructor(app: FastifyInstance) {
    this.app = app;
  }

  /**
   * Holds a cookie as if the service had set it: a session made by the platform's session code
   * (`test/helpers/feature-test.ts`), for tests that are not testing sign-in.
   */
  useCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const cookie of response.cookies) {
      if (cookie.value === '' || (cookie.expires && cookie.expires.getTime() < Date.now())) {
        this.cookies.delete(cookie.name);
      } else {
        this.cookies.set(cookie.name, cookie.value);
      }
    }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(response);
    return response;
  }

  /** The CSRF token in the first form of a page. */
  static csrfFrom(html: string): string {
    const match = /name="_csrf" value="([^"]+)"/.exec(html);
    if (!match) throw new Error('No CSRF token on the page');
    return match[1]!;
  }

  /** GETs the form page, then POSTs the fields with its CSRF token. */
  async submit(
    formUrl: string,
    fields: Record<string, string | string[]>,
    postUrl = formUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const token = TestClient.csrfFrom(page.body);
    return this.post(postUrl, { ...fields, _csrf: token });
  }

  /**
   * GETs the form page, then POSTs the fields with its CSRF token and its one-use form token (the hidden `token`
   * field that stops a double submit), as a browser would.
   */
  async submitWithFormToken(
    formUrl: string,
    fields: Record<string, string | string[]>,
    postUrl = formUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    return this.post(postUrl, { ...fields, token, _csrf: TestClient.csrfFrom(page.body) });
  }

  /**
   * The CSRF token and the one-use `formToken` of the page's form that posts to `action` (a page may hold several
   * forms, each with its own token), as a browser would send them.
   */
  static formTokensFrom(html: string, action: string): { _csrf: string; formToken: string } {
    const escaped = action.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const form = new RegExp(`<form[^>]*action="${escaped}"[\\s\\S]*?</form>`).exec(html)?.[0] ?? html;
    return {
      _csrf: TestClient.csrfFrom(html),
      formToken: /name="formToken" value="([^"]+)"/.exec(form)?.[1] ?? '',
    };
  }

  /** GETs the form page, then POSTs the fields with its CSRF token and the one-use formToken of the form posting there. */
  async submitOnce(
    formUrl: string,
    fields: Record<string, string | string[]>,
    postUrl = formUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    return this.post(postUrl, { ...fields, ...TestClient.formTokensFrom(page.body, postUrl) });
  }

  async post(url: string, fields: Record<string, string | string[]>): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
    }
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  /** GETs the form page, then POSTs the fields and an optional file as multipart/form-data with its CSRF token. */
  async submitMultipart(
    formUrl: string,
    fields: Record<string, string>,
    file?: { name: string; filename: string; type: string; content: Buffer },
    postUrl = formUrl,
  ): Promise<LightMyRequestResponse> {
    const page = await this.get(formUrl);
    const token = TestClient.csrfFrom(page.body);
    return this.postMultipart(postUrl, { ...fields, _csrf: token }, file);
  }

  async postMultipart(
    url: string,
    fields: Record<string, string>,
    file?: { name: string; filename: string; type: string; content: Buffer },
  ): Promise<LightMyRequestResponse> {
    const boundary = '----goldthread-test-boundary';
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      );
    }
    if (file) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        ),
        file.content,
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const response = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
    });
    this.remember(response);
    return response;
  }

  /**
   * Signs in as a person would, second factor included (issue 19 item 3): the password, then, when the service asks,
   * a code from the account's authenticator (the demo key, or the key this client set up the account with), or the
   * set-up of one. Returns the last answer: its Location is where the user was going, and it sets the session cookie.
   * `halfway` stops after the password, with the second factor still owed.
   */
  async signIn(
    email: string,
    password: string,
    options: { returnTo?: string; halfway?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const fields: Record<string, string> = { email, password };
    if (options.returnTo) fields.returnTo = options.returnTo;
    const response = await this.submit('/sign-in', fields);
    if (response.statusCode !== 303) throw new Error(`Sign-in as ${email} failed: ${response.statusCode}`);
    const location = String(response.headers.location);
    if (options.halfway || !location.startsWith('/second-factor')) return response;
    return this.passSecondFactor(email, location);
  }

  /**
   * Keys set up through a client, by app and then email (accounts enrolled by the factories or the demo use the demo
   * key). A key belongs to the database of the app it was set up in: test files share a worker (ADR 0066), and a key
   * one file set up for a demo account (audit completeness sets one up for leader@demo.example) is not that account's
   * key in the next file's copy of the demo, where the demo key still holds.
   */
  private static readonly keysByApp = new WeakMap<FastifyInstance, Map<string, string>>();

  private get keys(): Map<string, string> {
    let keys = TestClient.keysByApp.get(this.app);
    if (!keys) TestClient.keysByApp.set(this.app, (keys = new Map<string, string>()));
    return keys;
  }

  /** Completes the second-factor step at `location` (the verify page, or set-up for an account without one). */
  async passSecondFactor(email: string, location: string): Promise<LightMyRequestResponse> {
    const page = await this.get(location);
    if (page.statusCode === 302 && String(page.headers.location).startsWith('/second-factor/set-up')) {
      const setUpUrl = String(page.headers.location);
      const setUp = await this.get(setUpUrl);
      const key = keyFromSetUpPage(setUp.body);
      this.keys.set(email, key);
      const confirmed = await this.post('/second-factor/set-up', {
        code: nextCode(key),
        returnTo: new URL(setUpUrl, 'http://x').searchParams.get('returnTo') ?? '/',
        _csrf: TestClient.csrfFrom(setUp.body),
      });
      if (confirmed.statusCode !== 200)
        throw new Error(`Second-factor set-up for ${email} failed: ${confirmed.statusCode}`);
      const next = /href="([^"]+)">I have saved my codes/.exec(confirmed.body)?.[1] ?? '/';
      // As a redirect would say where to go next.
      return {
        ...confirmed,
        statusCode: 303,
        headers: { ...confirmed.headers, location: next.replace(/&amp;/g, '&') },
      };
    }
    if (page.statusCode !== 200) throw new Error(`Second-factor step for ${email}: ${page.statusCode}`);
    const answer = await this.post('/second-factor', {
      code: nextCode(this.keys.get(email) ?? DEMO_TOTP_SECRET),
      returnTo: new URL(location, 'http://x').searchParams.get('returnTo') ?? '/',
      _csrf: TestClient.csrfFrom(page.body),
    });
    if (answer.statusCode !== 303) throw new Error(`Second factor for ${email} failed: ${answer.statusCode}`);
    return answer;
  }
}
