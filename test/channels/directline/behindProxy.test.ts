/**
 * Behind a trusted reverse proxy (TRUSTED_PROXIES), Direct Line's per-address limits count each web
 * chatter's own address (X-Forwarded-For), not the proxy's: otherwise one busy evening would leave
 * everyone sharing one allowance of new chats. Anyone else's X-Forwarded-For is not believed.
 */
import { startFrontDoor, type FrontDoor } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import { call } from './client';

const LIMITS = { generatePerIp: { capacity: 2, perSecond: 0.01 } };

let t: TestDatabase;
const apps: FrontDoor[] = [];
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.stop();
  await t.stop();
});

async function start(env: Record<string, string>): Promise<FrontDoor> {
  const app = await startFrontDoor(loadConfig({ PORT: '0', MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, ...env }), () => undefined, {
    directLine: { limits: LIMITS },
  });
  apps.push(app);
  return app;
}

const generate = (app: FrontDoor, forwardedFor: string) =>
  call(`${app.url}/v3/directline/tokens/generate`, { method: 'POST', headers: { 'X-Forwarded-For': forwardedFor } });

it('each person behind the proxy has their own allowance of new chats', async () => {
  const app = await start({ TRUSTED_PROXIES: '127.0.0.1' });
  for (const person of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
    expect((await generate(app, person)).status).toBe(200);
    expect((await generate(app, person)).status).toBe(200);
  }
  expect((await generate(app, '203.0.113.1')).status).toBe(429);
});

it('without TRUSTED_PROXIES, a made-up X-Forwarded-For does not get round the limit', async () => {
  const app = await start({});
  expect((await generate(app, '198.51.100.1')).status).toBe(200);
  expect((await generate(app, '198.51.100.2')).status).toBe(200);
  expect((await generate(app, '198.51.100.3')).status).toBe(429);
});
