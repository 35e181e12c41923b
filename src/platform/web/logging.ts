/**
 * What the service's log may hold: no personal data (README, Security). A request is logged as its method, its
 * route's pattern (`/children/:id`, never the record's id or the query's words), its status and its time; never the
 * client's address, port, headers or cookies (the session id is a cookie). An error keeps its kind, code, message
 * and stack, without the database's detail, which can quote what a user typed.
 */
interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
}

export function logRequest(req: LoggedRequest): { method?: string; route: string } {
  const route = req.routeOptions?.url ?? (req.url ? 'unmatched' : 'unknown');
  return { method: req.method, route };
}

export function logResponse(res: { statusCode?: number }): { statusCode?: number } {
  return { statusCode: res.statusCode };
}

export function logError(err: Error & { code?: unknown; statusCode?: unknown }): {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
} {
  return {
    type: err.name,
    code: err.code,
    statusCode: err.statusCode,
    message: err.message,
    stack: err.stack ?? '',
  };
}

export function loggerOptions(level: string) {
  return {
    level,
    redact: ['req.headers', 'req.remoteAddress', 'req.remotePort'],
    serializers: { req: logRequest, res: logResponse, err: logError },
  };
}
