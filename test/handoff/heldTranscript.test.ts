/**
 * A person in a held (claimed) web chat writes crisis words: the link worker's transcript lists
 * their message once, above the bot's crisis reply that it caused, and what they said earlier in
 * the live chat is not listed twice (once relayed, once copied from the web chat).
 */
import { HandoffDesk, type PersonChannel } from '../../src/handoff/desk';
import { HandoffRepository } from '../../src/handoff/repository';
import { ServiceHours } from '../../src/handoff/serviceHours';
import type { TranscriptEntry } from '../../src/handoff/schema';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

const WEB_CHAT: PersonChannel = { channelId: 'webchat', conversationId: 'conv-held', conversationReference: { channelId: 'webchat' } };

test('crisis words in a held chat: the person first, then the bot reply, each once', async () => {
  let clock = Date.parse('2026-11-24T11:40:00Z');
  const now = () => new Date(clock);
  /** The web chat as Direct Line keeps it: each message stamped when it arrived or was sent. */
  const webChat: TranscriptEntry[] = [];
  const say = (from: 'person' | 'bot', text: string) => {
    clock += 200;
    webChat.push({ from, text, at: now() });
  };
  const handoffs = new HandoffRepository(t.db, now);
  const referrals = new ReferralRepository(t.db, now);
  const desk = new HandoffDesk({ handoffs, referrals, hours: new ServiceHours('always'), transcriptOf: async () => [...webChat], now });
  const personKey = 'test:held-crisis';
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.recordConsent(personKey, { noticeVersion: 'test', channel: 'webchat', answer: 'yes' });

  say('bot', 'What matters to you at the moment?');
  say('person', 'talk to a person');
  const opened = await desk.request({ personKey, reason: 'askedForPerson', channel: WEB_CHAT });
  await handoffs.claim(opened!.handoff._id, { id: 'w1', email: 'worker@example.org' });

  // In the held chat the bot relays, a moment after the message arrived.
  say('person', 'hello, thanks for coming');
  clock += 50;
  await desk.relay(personKey, 'hello, thanks for coming');

  // Crisis words: the bot replies with support, opens the urgent handoff, then relays the words (as bots/frontDoorBot.ts does).
  say('person', 'I want to end it all');
  const crisisAt = webChat.at(-1)!.at;
  say('bot', 'You can call Samaritans free on 116 123.');
  clock += 50;
  await desk.request({ personKey, reason: 'crisis', channel: WEB_CHAT, riskFlag: { rule: 'suicide.end_it', message: 'I want to end it all', at: crisisAt } });
  await desk.relay(personKey, 'I want to end it all');

  const stored = (await handoffs.get(opened!.handoff._id))!;
  // What the dashboard lists: in the order things were said.
  const listed = [...stored.transcript].sort((x, y) => x.at.getTime() - y.at.getTime()).map((line) => `${line.from}: ${line.text}`);
  expect(listed).toEqual([
    'bot: What matters to you at the moment?',
    'person: talk to a person',
    'person: hello, thanks for coming',
    'person: I want to end it all',
    'bot: You can call Samaritans free on 116 123.',
  ]);
  // Stored in that order too, so any reader of the transcript sees it right.
  expect(stored.transcript.map((line) => `${line.from}: ${line.text}`)).toEqual(listed);
});
