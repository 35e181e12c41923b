/** The app's route table, read from Fastify (so a test that walks it covers a new route without changing). */
import type { FastifyInstance } from 'fastify';

/** Every route as `METHOD path`, read from Fastify's route tree. */
export function routeTable(app: FastifyInstance): Array<{ method: string; path: string }> {
  const routes: Array<{ method: string; path: string }> = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^(.*?)(?:├── |└── )(.*)$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const text = match[2]!;
    const methods = /^(.*?) \(([A-Z, ]+)\)$/.exec(text);
    const segment = methods ? methods[1]! : text;
    stack.length = depth;
    stack.push(segment);
    if (!methods) continue;
    const path = stack.join('');
    for (const method of methods[2]!.split(', ')) routes.push({ method, path });
  }
  return routes;
}
