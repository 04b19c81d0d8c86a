/**
 * Words a person wrote after their referral went, in web chat: passed on into the handoff waiting for
 * a link worker, they are listed once when a later request copies the web chat into it; kept after a
 * link worker finished, they are passed on into the new handoff once, not again beside the web chat's copy.
 */
import { HandoffDesk, type PersonChannel } from '../../src/handoff/desk';
import { HandoffRepository } from '../../src/handoff/repository';
import { ServiceHours } from '../../src/handoff/serviceHours';
import type { Handoff, TranscriptEntry } from '../../src/handoff/schema';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

const WEB_CHAT: PersonChannel = { channelId: 'webchat', conversationId: 'conv-passed-on', conversationReference: { channelId: 'webchat' } };

async function deskWithWebChat(personKey: string) {
  let clock = Date.parse('2026-11-24T11:40:00Z');
  const now = () => new Date(clock);
  const webChat: TranscriptEntry[] = [];
  const say = (from: 'person' | 'bot', text: string) => {
    clock += 200;
    webChat.push({ from, text, at: now() });
  };
  const handoffs = new HandoffRepository(t.db, now);
  const referrals = new ReferralRepository(t.db, now);
  const desk = new HandoffDesk({ handoffs, referrals, hours: new ServiceHours('always'), transcriptOf: async () => [...webChat], now });
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.recordConsent(personKey, { noticeVersion: 'test', channel: 'webchat', answer: 'yes' });
  return { desk, handoffs, say, later: (ms: number) => (clock += ms) };
}

const personLines = (handoff: Handoff) => handoff.transcript.filter((line) => line.from === 'person').map((line) => line.text);

test('words passed on while the handoff waits are listed once after "talk to a person" copies the web chat', async () => {
  const personKey = 'test:passed-on-waiting';
  const { desk, handoffs, say, later } = await deskWithWebChat(personKey);
  await desk.request({ personKey, reason: 'referralConfirmed', channel: WEB_CHAT });

  // Not claimed yet: the bot passes the words on a moment after they arrived.
  say('person', 'my son has moved away');
  later(50);
  await desk.relay(personKey, 'my son has moved away');
  say('person', 'talk to a person');
  await desk.request({ personKey, reason: 'askedForPerson', channel: WEB_CHAT });

  expect(personLines((await handoffs.activeFor(personKey))!)).toEqual(['my son has moved away', 'talk to a person']);
});

test('words kept since a link worker finished go into the new handoff once, beside the web chat copy', async () => {
  const personKey = 'test:passed-on-finished';
  const { desk, handoffs, say, later } = await deskWithWebChat(personKey);
  const first = await desk.request({ personKey, reason: 'referralConfirmed', channel: WEB_CHAT });
  await handoffs.close(first!.handoff._id, { id: 'w1', email: 'worker@example.org' }, { outcome: 'contacted' }, { asAdmin: true });

  say('person', 'mum is in hospital');
  later(60_000);
  say('person', 'talk to a person');
  await desk.request({ personKey, reason: 'askedForPerson', channel: WEB_CHAT });
  expect(await desk.passOnEarlier(personKey, ['mum is in hospital', 'she cannot reply'])).toBe(true);

  expect(personLines((await handoffs.activeFor(personKey))!)).toEqual(['mum is in hospital', 'talk to a person', 'she cannot reply']);
});

test('nothing is passed on when no handoff is open', async () => {
  const personKey = 'test:passed-on-none';
  const { desk } = await deskWithWebChat(personKey);
  expect(await desk.passOnEarlier(personKey, ['hello there'])).toBe(false);
});
