/** File uploads: text fields arrive as strings beside the file, CSRF still applies, and size limits hold. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.ts';
import { loadConfig } from '../config.ts';
import { createJobs } from '../jobs/jobs.ts';
import { buildApp, csrfToken, isUploadedFile, MAX_UPLOAD_BYTES } from './app.ts';
import type { FastifyInstance } from 'fastify';

function multipart(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; content: Buffer },
) {
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
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('multipart forms', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let received: Record<string, unknown> | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const config = loadConfig({ NODE_ENV: 'test', COOKIE_SECRET: 'upload-test-secret-upload-test-secret' });
    const jobs = createJobs(database);
    await jobs.start({ workers: false });
    app = await buildApp({
      database,
      config,
      jobs,
      logger: false,
      routes: [
        (a) => {
          a.get('/form', (req, reply) => reply.send({ token: csrfToken(req, reply) }));
          a.post('/upload', (req, reply) => {
            received = req.body as Record<string, unknown>;
            return reply.send({ ok: true });
          });
        },
      ],
    });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function csrf() {
    const page = await app.inject({ method: 'GET', url: '/form', headers: { accept: 'application/json' } });
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { token: page.json<{ token: string }>().token, cookie };
  }

  it('gives text fields as strings and the file with its name, type and bytes', async () => {
    const { token, cookie } = await csrf();
    const body = multipart(
      { _csrf: token, description: 'Minutes of the board' },
      { name: 'file', filename: 'minutes.txt', type: 'text/plain', content: Buffer.from('hello') },
    );
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(received?.description).toBe('Minutes of the board');
    const file = received?.file;
    expect(isUploadedFile(file)).toBe(true);
    if (isUploadedFile(file)) {
      expect(file).toMatchObject({ filename: 'minutes.txt', mimetype: 'text/plain', size: 5 });
      expect(file.data.toString()).toBe('hello');
    }
  });

  it('keeps the extension of a file name longer than 255 characters (issue 16 item 8)', async () => {
    const { token, cookie } = await csrf();
    const body = multipart(
      { _csrf: token },
      {
        name: 'file',
        filename: `${'n'.repeat(300)}.pdf`,
        type: 'application/pdf',
        content: Buffer.from('%PDF-'),
      },
    );
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(200);
    const file = received?.file;
    expect(isUploadedFile(file) && file.filename).toMatch(/^n{251}\.pdf$/);
  });

  it('refuses a multipart form without a valid CSRF token', async () => {
    const { cookie } = await csrf();
    const body = multipart({ _csrf: 'forged', description: 'x' });
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(403);
  });

  it('refuses a file over the size limit with a clear page', async () => {
    const { token, cookie } = await csrf();
    const body = multipart(
      { _csrf: token },
      {
        name: 'file',
        filename: 'big.bin',
        type: 'application/octet-stream',
        content: Buffer.alloc(MAX_UPLOAD_BYTES + 1),
      },
    );
    const response = await app.inject({
      method: 'POST',
      url: '/upload',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('The file is too large');
  });
});
