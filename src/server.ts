import restify, { type Request, type Response, type Server } from 'restify';
import type { ActivityHandlerBase, CloudAdapter } from 'botbuilder';
import type { Config } from './config';
import { activityShapeProblem, serviceUrlProblem } from './http/activityShape';
import { securityHeaders } from './http/securityHeaders';
import { registerWebRoutes } from './web';

export interface ServerDeps {
  config: Config;
  adapter: CloudAdapter;
  bot: ActivityHandlerBase;
  /** Whether the database answers, for /readyz. */
  databaseReady: () => Promise<boolean>;
  log?: (line: string) => void;
  /** Adds more routes (e.g. Direct Line) before the server listens. */
  register?: (server: Server) => void;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Stops taking requests, waits for turns in flight, then resolves. */
  close(): Promise<void>;
}

type ActivityRouting = { serviceUrl?: string; deliveryMode?: string };

/** Largest HTTP body we read: a chat message with room to spare, far below anything abusive. */
const MAX_BODY_BYTES = 256 * 1024;
const SHUTDOWN_GRACE_MS = 10_000;

/** The restify server and Front Door's stable HTTP routes (ARCHITECTURE.md, "Stable contracts"). */
export async function startServer(deps: ServerDeps): Promise<RunningServer> {
  const { config, adapter, bot } = deps;
  const log = deps.log ?? ((line: string) => console.log(line));
  const server = restify.createServer({ name: 'front-door', handleUncaughtExceptions: false });
  server.pre(securityHeaders(config.publicBaseUrl));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, rejectUnknown: true }));

  let inFlight = 0;
  let drained: (() => void) | undefined;
  let closing = false;

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (closing) {
      res.status(503);
      res.send({ error: 'Front Door is restarting. Please try again in a moment.' });
      return;
    }
    const problem =
      activityShapeProblem(req.body) ?? (config.bot.anonymous ? serviceUrlProblem(req.body as ActivityRouting, req.socket.remoteAddress) : undefined);
    if (problem) {
      res.status(400);
      res.send({ error: problem });
      return;
    }
    inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } finally {
      inFlight--;
      if (closing && inFlight === 0) drained?.();
    }
  });

  server.get('/healthz', (_req: Request, res: Response, next) => {
    res.send({ status: 'ok' });
    next();
  });
  server.get('/readyz', async (_req: Request, res: Response) => {
    const databaseUp = await deps.databaseReady();
    res.status(databaseUp && !closing ? 200 : 503);
    res.send({ status: databaseUp && !closing ? 'ready' : 'not ready', database: databaseUp ? 'up' : 'down' });
  });
  registerWebRoutes(server, { serviceName: config.serviceName, retention: config.retention, encryptedAtRest: config.fieldEncryption.key !== undefined });
  deps.register?.(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${config.host}:${address.port}`;
  log(`Front Door listening at ${url}`);

  return {
    server,
    url,
    close: async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), delay(SHUTDOWN_GRACE_MS)]);
      }
      server.server.closeAllConnections();
      await stopped;
    },
  };
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
