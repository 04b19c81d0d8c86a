/**
 * Headers on every response: JSON APIs and health checks are never content-sniffed, and a Front Door
 * published over https tells browsers to keep to https (Strict-Transport-Security).
 */
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';

let plain: AppOnTestDatabase | undefined;
let published: AppOnTestDatabase | undefined;
beforeAll(async () => {
  plain = await startAppOnTestDatabase();
  published = await startAppOnTestDatabase({ PUBLIC_BASE_URL: 'https://frontdoor.example.org' });
});
afterAll(async () => {
  await plain?.stop();
  await published?.stop();
});

const PATHS = ['/healthz', '/readyz', '/api/linkworker/me', '/v3/directline/conversations', '/privacy', '/no-such-page'];

it.each(PATHS)('%s says nosniff, and HSTS only when published over https', async (path) => {
  const local = await fetch(`${plain!.app.url}${path}`);
  expect(local.headers.get('x-content-type-options')).toBe('nosniff');
  expect(local.headers.get('strict-transport-security')).toBeNull();

  const overHttps = await fetch(`${published!.app.url}${path}`);
  expect(overHttps.headers.get('x-content-type-options')).toBe('nosniff');
  expect(overHttps.headers.get('strict-transport-security')).toBe('max-age=31536000');
});

it('a refused /api/messages body says nosniff too', async () => {
  const response = await fetch(`${plain!.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(response.status).toBe(400);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
});
