/**
 * The 32 KB body limit holds for a body sent chunked (no Content-Length to read beforehand): the
 * bytes actually read are checked, the client gets the same 413, and nothing is stored.
 */
import { startTestDatabase, type TestDatabase } from '../../helpers/db';
import type { FrontDoor } from '../../../src/app';
import { DirectLineClient, startApp } from './client';

let t: TestDatabase;
let app: FrontDoor;

beforeAll(async () => {
  t = await startTestDatabase();
  app = await startApp(t);
});
afterAll(async () => {
  await app.stop();
  await t.stop();
});

/** POSTs a JSON body as a stream, so fetch sends it chunked without a Content-Length. */
async function postChunked(url: string, token: string, json: string) {
  const bytes = new TextEncoder().encode(json);
  const body = new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.length; at += 8192) controller.enqueue(bytes.subarray(at, at + 8192));
      controller.close();
    },
  });
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit);
  return { status: res.status, body: (await res.json()) as unknown };
}

test('a chunked body over 32 KB gets 413 MessageSizeTooBig and is not stored; a small chunked one works', async () => {
  const person = new DirectLineClient(app.url);
  const conversation = await person.start();
  const url = `${person.base}/conversations/${conversation.conversationId}/activities`;

  for (const size of [200_000, 32 * 1024 + 1]) {
    const oversized = await postChunked(url, conversation.token, JSON.stringify({ type: 'event', name: 'x', value: 'A'.repeat(size) }));
    expect(oversized.status).toBe(413);
    expect(oversized.body).toEqual({ error: { code: 'MessageSizeTooBig', message: expect.any(String) } });
  }
  const small = await postChunked(url, conversation.token, JSON.stringify({ type: 'event', name: 'x', value: 'small' }));
  expect(small.status).toBe(200);

  const stored = (await person.poll()).body.activities.filter((a) => a.from?.role === 'user');
  expect(stored).toHaveLength(1);
  expect(stored.every((a) => JSON.stringify(a).length < 32 * 1024)).toBe(true);
});
