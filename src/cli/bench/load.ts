/**
 * `goldthread bench load [--engine postgres|pglite] [--database URL] [--sessions N] [--think S] [--duration S]
 * [--max-requests N] [--children N] [--public-process]`: an HTTP load test on loopback. A child process serves Goldthread (on
 * PostgreSQL: the largest authority of a data set built by `goldthread national`; on PGlite: an in-memory database
 * with one national-sized authority of N children and 5,000 Local Offer services, built first) and opens a session
 * for each of N concurrent users (200 by default) in the mix of roles of the busiest weeks (load-mix.ts). Each user
 * asks for their role's pages in turn for S seconds (180 by default) or until the request limit:
 * - `--think S` (10 by default): as people do, pausing between pages (evenly between half and one and a half times
 *   S seconds, load-mix.ts `thinkTime`), each session starting at a random moment of its first pause;
 * - `--think 0`: back to back, autocannon keeping N connections busy: the saturation figures (what the machine
 *   serves at most, and how long the queue grows), not what 200 people do.
 * - `--public-process` (PostgreSQL, with think time): the public directory's pages (the Local Offer and the Open
 *   Referral API, load-mix.ts `PUBLIC_PAGES`) are asked of a second server process on the same database, as a
 *   national deployment serves them from processes (and read replicas) of their own (ADR 0038, ADR 0069).
 * Prints one JSON line per page (requests, throughput, p50, p95, p99, errors), then the run's line with the server's
 * peak memory, the database connections it took and the machine's load. Target: every page's p95 under 500 ms, no
 * errors.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { FastifyInstance } from 'fastify';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import type { Benchmark } from '../commands/bench.ts';
import { loadConfig } from '../../platform/config.ts';
import { openDatabase, type Database } from '../../platform/db/database.ts';
import { migrateToLatest } from '../../platform/db/migrate.ts';
import { createJobs } from '../../platform/jobs/jobs.ts';
import { OutboxNotifier } from '../../platform/notify/notify.ts';
import { buildWebApp, prepareJobs } from '../../app/compose.ts';
import { figuresFeature } from '../../features/figures/index.ts';
import { seedDemo } from '../../app/demo.ts';
import { todayInLondon } from '../../platform/web/views.ts';
import { nationalAuthorities } from '../../demo/national.ts';
import { option } from '../bench-support.ts';
import { UsageError } from '../command.ts';
import { largestAndSmallest, mainPages, sessionsFor } from '../national-pages.ts';
import {
  loadReport,
  portFor,
  PUBLIC_PAGES,
  roundFor,
  sessionsByRole,
  thinkTime,
  type PageKey,
  type Sample,
} from '../load-mix.ts';
import { loadAverage } from '../query-clock.ts';

interface SessionRound {
  readonly pages: ReadonlyArray<{ page: PageKey; url: string; cookie: string | null }>;
}

/** What the server process tells the driver when it is ready. */
interface Ready {
  kind: 'ready';
  port: number;
  laCode: string;
  plans: number;
  sessions: SessionRound[];
}

type ServerMessage = Ready | { kind: 'memory'; rss: number; heapUsed: number; connectionsTaken: number };

function stringOption(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** Opens each concurrent user's sessions and warms each page once (the first reading of the day is not load). */
async function signIn(
  app: FastifyInstance,
  database: Database,
  laCode: string,
  pages: ReadonlyMap<PageKey, { key: PageKey; url: string; email: string | null }>,
  total: number,
  sessions: SessionRound[],
): Promise<void> {
  let n = 0;
  for (const [role, count] of sessionsByRole(total)) {
    for (let k = 0; k < count; k++, n++) {
      const round = roundFor(role, n).map((key) => pages.get(key)!);
      // Each concurrent user has sessions of their own (a family's parent and young person are two people).
      const cookies = await sessionsFor(
        database.db,
        laCode,
        round.flatMap((p) => (p.email ? [p.email] : [])),
        `bench load ${n}`,
      );
      sessions.push({
        pages: round.map((p) => ({
          page: p.key,
          url: p.url,
          cookie: p.email ? cookies.get(p.email)! : null,
        })),
      });
    }
  }
  // Each page once, so the first reading of the day (kept summaries) is not counted as load.
  for (const s of sessions.slice(0, 40))
    for (const p of s.pages)
      await app.inject({ method: 'GET', url: p.url, headers: p.cookie ? { cookie: p.cookie } : {} });
}

/** The server side, in the child process: open, (on PGlite) build, sign the sessions in, listen on loopback. */
async function serve(args: readonly string[]): Promise<void> {
  const engine = stringOption(args, '--engine') ?? 'postgres';
  const total = option(args, '--sessions', 200);
  let database: Database;
  let url: string | undefined;
  if (engine === 'pglite') {
    database = await openDatabase({});
    await migrateToLatest(database.db);
    const [largest] = nationalAuthorities(1, 1);
    await seedDemo(database.db, {
      laCode: largest!.laCode,
      place: largest!.place,
      children: option(args, '--children', 2500),
      seed: largest!.seed,
      today: todayInLondon(),
      localOfferServices: largest!.localOfferServices,
    });
  } else {
    url = stringOption(args, '--database') ?? process.env.DATABASE_URL;
    if (!url) throw new UsageError('--database URL: a data set built by `goldthread national`');
    database = await openDatabase({ url, poolSize: 10 });
  }
  const [la] = await largestAndSmallest(database.db);
  const config = loadConfig({
    NODE_ENV: 'test',
    GOLDTHREAD_DEMO: 'false',
    COOKIE_SECRET: 'bench-secret-bench-secret-bench-secret',
    ...(url ? { DATABASE_URL: url } : {}),
    GOLDTHREAD_LOCAL_OFFER_LA: la!.laCode,
  });
  const jobs = createJobs(database);
  const notifier = new OutboxNotifier();
  prepareJobs({ database, config, jobs, notifier });
  await jobs.start({ workers: false });
  const { app } = await buildWebApp({ database, config, jobs, notifier, logger: false });
  // The figures job's count of the day, as the service keeps it every 10 minutes (the page reads it).
  if (!args.includes('--serve-public'))
    await figuresFeature
      .createService({ db: database.db, today: todayInLondon })
      .recount(la!.laCode, todayInLondon());
  const pages = new Map((await mainPages(database.db, la!.laCode)).map((p) => [p.key, p]));
  const send = (m: ServerMessage) => {
    // The driver may have gone between the check and the write (EPIPE): the run is over then.
    if (process.connected) process.send?.(m, (err: Error | null) => void err);
  };
  const sessions: SessionRound[] = [];
  if (args.includes('--serve-public')) {
    // The public directory's own process: no sessions; each public page once, as the main server warms its pages.
    for (const key of PUBLIC_PAGES) await app.inject({ method: 'GET', url: pages.get(key)!.url });
  } else await signIn(app, database, la!.laCode, pages, total, sessions);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sampling = setInterval(() => {
    const m = process.memoryUsage();
    send({
      kind: 'memory',
      rss: m.rss,
      heapUsed: m.heapUsed,
      connectionsTaken: database.connections.counts.taken,
    });
  }, 500).unref();
  send({ kind: 'ready', port, laCode: la!.laCode, plans: la!.plans, sessions });
  process.on('disconnect', () => {
    clearInterval(sampling);
    void app.close().then(async () => {
      await jobs.stop();
      await database.close();
      process.exit(0);
    });
  });
}

interface Measured {
  samples: Sample[];
  /** Requests with no answer (a timeout, a closed connection). */
  errorsWithoutAnswer: number;
}

/** Back to back: autocannon keeps one connection per session busy (the saturation run). */
async function backToBack(
  ready: Ready,
  sessions: number,
  duration: number,
  maxRequests: number,
): Promise<Measured> {
  const samples: Sample[] = [];
  const lastPage = new WeakMap<object, PageKey>();
  let next = 0;
  let finish: (r: autocannon.Result) => void = () => {};
  let fail: (e: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
      url: `http://127.0.0.1:${ready.port}`,
      connections: sessions,
      duration,
      timeout: 30,
      setupClient(client) {
        const round = ready.sessions[next++ % ready.sessions.length]!;
        client.setRequests(
          round.pages.map((p) => ({
            method: 'GET',
            path: p.url,
            headers: p.cookie ? { cookie: p.cookie } : {},
            onResponse: () => lastPage.set(client, p.page),
          })),
        );
      },
    },
    (err, result) => (err ? fail(err) : finish(result)),
  );
  let errorsWithoutAnswer = 0;
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    samples.push({ page: lastPage.get(client) ?? 'caseworker_home', ms: responseTime, status: statusCode });
    // Bounded in requests as well as time (autocannon's own `amount` would replace the duration).
    if (samples.length === maxRequests) instance.stop();
  });
  instance.on('reqError', () => errorsWithoutAnswer++);
  const result = await finished;
  return { samples, errorsWithoutAnswer: errorsWithoutAnswer + result.timeouts };
}

/**
 * As people use it: each session asks for its next page, reads the answer, then pauses (`thinkTime`) before the
 * next, on its own keep-alive connection (Node's fetch). Sessions start spread over their first pause.
 */
async function withThinkTime(
  ready: Ready,
  ports: { main: number; public?: number },
  sessions: number,
  think: number,
  duration: number,
  maxRequests: number,
): Promise<Measured> {
  const samples: Sample[] = [];
  let errorsWithoutAnswer = 0;
  const until = performance.now() + duration * 1000;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const over = () => performance.now() >= until || samples.length >= maxRequests;
  const user = async (n: number) => {
    const round = ready.sessions[n % ready.sessions.length]!;
    await sleep(Math.random() * think * 1000);
    for (let i = 0; !over(); i++) {
      const page = round.pages[i % round.pages.length]!;
      const start = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${portFor(page.page, ports)}${page.url}`, {
          headers: page.cookie ? { cookie: page.cookie } : {},
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        });
        await res.arrayBuffer();
        samples.push({ page: page.page, ms: performance.now() - start, status: res.status });
      } catch {
        errorsWithoutAnswer++;
      }
      await sleep(Math.min(thinkTime(think), Math.max(0, until - performance.now())));
    }
  };
  await Promise.all(Array.from({ length: sessions }, (_, n) => user(n)));
  return { samples, errorsWithoutAnswer };
}

/** Forks a server process (`bench load --serve ...`) and waits for it to listen; `sample` is told its memory. */
async function startServer(
  args: readonly string[],
  sample: (m: Extract<ServerMessage, { kind: 'memory' }>) => void,
): Promise<{ child: ChildProcess; ready: Ready }> {
  const main = fileURLToPath(new URL('../main.ts', import.meta.url));
  const child: ChildProcess = fork(main, ['bench', 'load', '--serve', ...args], {
    execArgv: ['--disable-warning=ExperimentalWarning'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.on('message', (m: ServerMessage) => (m.kind === 'memory' ? sample(m) : resolve(m)));
    child.on('exit', (code) => reject(new Error(`the server process stopped (${code}) before it was ready`)));
  });
  return { child, ready };
}

/** The driver: starts the server process (and the public directory's, with --public-process), then the users. */
async function drive(args: readonly string[]): Promise<void> {
  const engine = stringOption(args, '--engine') ?? 'postgres';
  if (engine !== 'postgres' && engine !== 'pglite')
    throw new UsageError('--engine must be postgres or pglite');
  const sessions = option(args, '--sessions', 200);
  const duration = option(args, '--duration', 180);
  const maxRequests = option(args, '--max-requests', 1_000_000);
  const thinkText = stringOption(args, '--think');
  const think = thinkText === undefined ? 10 : Number(thinkText);
  if (!(think >= 0)) throw new UsageError(`--think must be 0 or more seconds, not "${thinkText}"`);
  const withPublic = args.includes('--public-process');
  if (withPublic && (engine !== 'postgres' || think === 0))
    throw new UsageError(
      '--public-process needs PostgreSQL (one database for both processes) and think time',
    );
  const memory = { rss: 0, heapUsed: 0, publicRss: 0 };
  const taken = { first: -1, last: 0 };
  const { child, ready } = await startServer(args, (m) => {
    memory.rss = Math.max(memory.rss, m.rss);
    memory.heapUsed = Math.max(memory.heapUsed, m.heapUsed);
    if (taken.first < 0) taken.first = m.connectionsTaken;
    taken.last = m.connectionsTaken;
  });
  const publicServer = withPublic
    ? await startServer(['--serve-public', ...args], (m) => {
        memory.publicRss = Math.max(memory.publicRss, m.rss);
      })
    : undefined;
  const ports = { main: ready.port, ...(publicServer ? { public: publicServer.ready.port } : {}) };
  process.stderr.write(
    `load: ${engine}, LA ${ready.laCode} (${ready.plans} plans), ${sessions} sessions, ` +
      `${think ? `about ${think} s between a user's pages` : 'back to back'}, ${duration} s, at most ${maxRequests} requests` +
      `${withPublic ? ', the public directory in its own process' : ''}\n`,
  );
  memory.rss = 0;
  memory.heapUsed = 0;
  memory.publicRss = 0;
  taken.first = -1;
  const loadBefore = loadAverage();
  const started = performance.now();
  const { samples, errorsWithoutAnswer } = think
    ? await withThinkTime(ready, ports, sessions, think, duration, maxRequests)
    : await backToBack(ready, sessions, duration, maxRequests);
  const seconds = (performance.now() - started) / 1000;
  const lines = loadReport(
    {
      engine,
      sessions,
      seconds: Math.round(seconds),
      laCode: ready.laCode,
      plans: ready.plans,
      memory: {
        rss_mb_max: Math.round(memory.rss / 1024 / 1024),
        heap_used_mb_max: Math.round(memory.heapUsed / 1024 / 1024),
        ...(publicServer ? { public_rss_mb_max: Math.round(memory.publicRss / 1024 / 1024) } : {}),
      },
      load: { before: loadBefore, after: loadAverage() },
      thinkSeconds: think,
      ...(taken.first >= 0 ? { connectionsTaken: taken.last - taken.first } : {}),
    },
    samples,
    errorsWithoutAnswer,
  );
  child.disconnect();
  publicServer?.child.disconnect();
  process.stdout.write(`${lines.join('\n')}\n`);
}

const bench: Benchmark = {
  description:
    'HTTP load test on loopback: 200 signed-in sessions in the busiest weeks’ mix of roles (autocannon)',
  async run(args) {
    if (args.includes('--serve')) {
      await serve(args);
      return;
    }
    await drive(args);
  },
};
export default bench;
