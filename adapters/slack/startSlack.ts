import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTPModuleFunctions, type App, type BufferedIncomingMessage, type HTTPReceiver, type SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../src/core/ports';

export interface RunningSlack {
  /** The local HTTP server for Events API and interactivity; null in Socket Mode. */
  server: Server | null;
  stop(): Promise<void>;
}

// Slack's replay window: bolt refuses older timestamps; we refuse future ones the same way.
const MAX_SKEW_SECONDS = 5 * 60;

/** Serves bolt's receiver on our own HTTP server (port 0 allowed), or connects in Socket Mode. */
export async function startSlack(
  app: App, receiver: HTTPReceiver | SocketModeReceiver, listen: { port: number; host: string }, logger: Logger,
): Promise<RunningSlack> {
  await app.init(); // auth.test, unless the bot's ids were given: a failure here fails the start
  if (!('requestListener' in receiver)) {
    await app.start();
    logger.info({ mode: 'socket' }, 'slack adapter started');
    return { server: null, stop: async () => { await app.stop(); } };
  }
  const server = createServer((req, res) => {
    if (timestampFromFuture(req)) return refuse(res, 401, 'invalid request timestamp');
    // bolt reads `body.ssl_check` outside its error handling: a body that parses to null (JSON
    // `null`, `payload=null`) would end the process. bolt uses the body buffered here as it is.
    HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit).then((buffered) => {
      if (parsesToNull(buffered)) return refuse(res, 400, 'malformed request body');
      receiver.requestListener(buffered, res);
    }, (error: unknown) => refuse(res, HTTPModuleFunctions.isRawBodyError(error) ? error.statusCode : 400, 'unreadable request body'));
  });
  await new Promise<void>((resolve) => server.listen(listen.port, listen.host, resolve));
  logger.info({ mode: 'http', port: listen.port }, 'slack adapter started');
  return { server, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function timestampFromFuture(req: IncomingMessage): boolean {
  const header = req.headers['x-slack-request-timestamp'];
  const timestamp = Number(Array.isArray(header) ? header[0] : header);
  return Number.isFinite(timestamp) && timestamp > Date.now() / 1000 + MAX_SKEW_SECONDS;
}

function parsesToNull(req: BufferedIncomingMessage): boolean {
  try {
    return HTTPModuleFunctions.parseHTTPRequestBody(req) === null;
  } catch {
    return false; // bolt answers 400 to what it cannot parse
  }
}

function refuse(res: ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(reason);
}
