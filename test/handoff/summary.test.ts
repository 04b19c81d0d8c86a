/** The thirty-second summary: every field issue 6 lists, from a referral written by the real repository. */
import { buildSummary, HandoffRepository } from '../../src/handoff';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { completeReferral, CRISIS_TEXT, WHAT_MATTERS } from './referralFixture';

let t: TestDatabase;
beforeAll(async () => {
  t = await startTestDatabase();
});
afterAll(async () => {
  await t.stop();
});

test('the summary carries every listed field, and the handoff the full transcript', async () => {
  const { referral, transcript, flaggedAt } = await completeReferral(t.db, 'test:summary-1');
  const names = { 'svc-birds': 'Kestleford Bird Walks', 'svc-walk': 'Riverside Strollers' };
  const { handoff } = await new HandoffRepository(t.db).open({ referral, reason: 'crisis', transcript, activityNames: names });
  const s = handoff.summary;

  expect(s.whatMatters).toBe(WHAT_MATTERS); // verbatim, not paraphrased or cut
  expect(s.whatMattersMore).toBeNull(); // skipped, and shown as skipped
  expect(s.preferredName).toBe('Sam');
  expect(s.categories).toEqual({ chosen: ['outdoors', 'social'], ownWords: 'birdwatching' });
  expect(s.barriers).toEqual(['transport', 'groupAnxiety']);
  expect(s.availability).toEqual({ days: 'weekends', times: ['mornings', 'afternoons'] });
  expect(s.location).toEqual({ kind: 'postcodeDistrict', value: 'CF10' });
  expect(s.contact).toEqual({ method: 'sms', number: '+447700900123' });
  expect(s.language).toBe('cy');
  expect(s.channel).toBe('webchat');
  expect(s.wellbeingBaseline).toEqual({ lifeSatisfaction: 4, worthwhile: 5, happiness: 3, anxiety: 7 });
  expect(s.chosenActivities.map((a) => [a.id, a.name])).toEqual([
    ['svc-birds', 'Kestleford Bird Walks'],
    ['svc-walk', 'Riverside Strollers'],
  ]);
  expect(s.chosenActivities.every((a) => a.pickedAt instanceof Date)).toBe(true);
  // The referral stores which rule fired and when; the message that raised it comes from the transcript.
  expect(s.riskFlags).toEqual([{ rule: 'en.hopelessness', message: CRISIS_TEXT, at: flaggedAt }]);
  expect(s.humanRequestedAt).toBeInstanceOf(Date);
  expect(handoff.transcript.map((e) => [e.from, e.text])).toEqual(transcript.map((e) => [e.from, e.text]));
  expect(handoff.urgent).toBe(true);
});

test('a flag the caller already knows keeps its own message; unknown things stay visibly unknown', async () => {
  const { referral, transcript, flaggedAt } = await completeReferral(t.db, 'test:summary-2');
  const flag = { rule: 'en.hopelessness', message: 'the exact words the detector saw', at: flaggedAt };
  expect(buildSummary(referral, { transcript, riskFlags: [flag] }).riskFlags).toEqual([flag]);
  // No transcript: the flag is still there, its message unknown rather than made up.
  expect(buildSummary(referral).riskFlags).toEqual([{ rule: 'en.hopelessness', message: null, at: flaggedAt }]);
  // Activity names not supplied: ids stay, names are null.
  expect(buildSummary(referral).chosenActivities.map((a) => a.name)).toEqual([null, null]);
});

test('a referral with nothing answered yet still gives a complete, empty summary', () => {
  const empty = buildSummary({
    personKey: 'test:summary-3',
    schemaVersion: 1,
    channel: 'sms',
    lang: 'en',
    languageChosen: false,
    status: 'inProgress',
    answers: {},
    wellbeing: {},
    wellbeingRepeat: {},
    suggestions: { shown: [], picked: [] },
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });
  expect(empty).toMatchObject({
    whatMatters: null,
    categories: { chosen: [], ownWords: null },
    barriers: [],
    availability: { days: null, times: [] },
    location: null,
    contact: { method: null, number: null },
    language: 'en',
    wellbeingBaseline: { lifeSatisfaction: null, worthwhile: null, happiness: null, anxiety: null },
    chosenActivities: [],
    riskFlags: [],
    humanRequestedAt: null,
  });
});
