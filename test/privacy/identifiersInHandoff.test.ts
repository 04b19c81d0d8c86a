/**
 * What the link worker reads: the handoff summary (from the stored answers) and the copy of the web
 * chat made when the handoff opens keep no NHS number or date of birth the person typed to the bot.
 */
import { HandoffDesk, type PersonChannel } from '../../src/handoff/desk';
import { HandoffRepository } from '../../src/handoff/repository';
import { ServiceHours } from '../../src/handoff/serviceHours';
import type { TranscriptEntry } from '../../src/handoff/schema';
import { Collections } from '../../src/store/collections';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

const TYPED = 'Lonely since my husband died. DOB 03/04/1957 NHS no 943 476 5919';
const WEB_CHAT: PersonChannel = { channelId: 'webchat', conversationId: 'conv-identifiers', conversationReference: { channelId: 'webchat' } };

async function personWithHandoff(personKey: string) {
  const at = new Date('2026-11-24T11:40:00Z');
  const webChat: TranscriptEntry[] = [
    { from: 'bot', text: 'What matters to you right now?', at },
    { from: 'person', text: TYPED, at },
  ];
  const handoffs = new HandoffRepository(t.db);
  const referrals = new ReferralRepository(t.db);
  const desk = new HandoffDesk({ handoffs, referrals, hours: new ServiceHours('always'), transcriptOf: async () => [...webChat] });
  await referrals.getOrCreate(personKey, 'webchat', 'en');
  await referrals.recordConsent(personKey, { noticeVersion: 'test', channel: 'webchat', answer: 'yes' });
  await referrals.saveAnswer(personKey, 'whatMatters', TYPED);
  await desk.request({ personKey, reason: 'referralConfirmed', channel: WEB_CHAT });
  return { desk, handoffs };
}

const rawHandoff = (personKey: string) => t.db.collection(Collections.handoffs).findOne({ openFor: personKey });

test('the handoff summary and its copy of the web chat show placeholders, not the NHS number or date of birth', async () => {
  const personKey = 'test:identifiers-handoff';
  const { handoffs } = await personWithHandoff(personKey);

  const handoff = (await handoffs.activeFor(personKey))!;
  expect(handoff.summary.whatMatters).toBe('Lonely since my husband died. DOB [date of birth removed] NHS no [NHS number removed]');
  expect(handoff.transcript.filter((line) => line.from === 'person').map((line) => line.text)).toEqual([
    'Lonely since my husband died. DOB [date of birth removed] NHS no [NHS number removed]',
  ]);
  const raw = await rawHandoff(personKey);
  expect(raw).not.toBeNull();
  expect(JSON.stringify(raw)).not.toMatch(/943 476 5919|03\/04\/1957/);
});

test('words kept for the next handoff are passed on without the identifiers', async () => {
  const personKey = 'test:identifiers-passed-on';
  const { desk, handoffs } = await personWithHandoff(personKey);
  await desk.passOnEarlier(personKey, ['her NHS number is 9434765919']);
  const lines = (await handoffs.activeFor(personKey))!.transcript.map((line) => line.text);
  expect(lines).toContain('her NHS number is [NHS number removed]');
  expect(lines.join(' ')).not.toContain('9434765919');
});
