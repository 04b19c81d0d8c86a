/** The "finished" rule on its own, and the privacy notice stating the configured days. */
import { ObjectId } from 'mongodb';
import type { FollowUpJob } from '../../src/followups';
import { ReferralSchema } from '../../src/referrals';
import { progressOf, REPLY_WINDOW_DAYS, type PersonRecords } from '../../src/retention';
import { renderPrivacyPage } from '../../src/web';

const DAY = 24 * 3600_000;
const now = new Date('2026-06-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

function job(fields: Partial<FollowUpJob>): FollowUpJob {
  return { _id: new ObjectId(), schemaVersion: 1, kind: 'referralCheckIn', personKey: 'p', dueAt: ago(60), status: 'sent', attempts: 1, createdAt: ago(90), updatedAt: ago(60), sentAt: ago(60), ...fields };
}

const referral = (wellbeingRepeat: object = {}) =>
  ReferralSchema.parse({ personKey: 'p', status: 'ready', consent: { noticeVersion: 'v1', givenAt: ago(90) }, answers: {}, wellbeing: {}, wellbeingRepeat, createdAt: ago(90), updatedAt: ago(80) });

const closed = { status: 'closed' as const, closedAt: ago(70), updatedAt: ago(70), urgent: false, conversationReference: null };

const records = (fields: Partial<PersonRecords>): PersonRecords => ({ referral: referral(), handoffs: [closed], jobs: [], ...fields });

test('finished at the last activity once every handoff is closed and every text has had its answer or its time', () => {
  expect(progressOf(records({ jobs: [job({ answer: 'went', repliedAt: ago(55), updatedAt: ago(55) })] }), now)).toEqual({ finished: true, lastActivity: ago(55) });
  // Unanswered, but the reply window has passed: a late "1" would not be matched to it any more.
  expect(progressOf(records({ jobs: [job({ sentAt: ago(REPLY_WINDOW_DAYS + 1), updatedAt: ago(REPLY_WINDOW_DAYS + 1) })] }), now)).toMatchObject({ finished: true });
  // Someone still writing on the referral after the close is still being helped.
  const talking = records({ referral: { ...referral(), updatedAt: ago(2) } });
  expect(progressOf(talking, now)).toEqual({ finished: true, lastActivity: ago(2) });
});

test.each([
  ['an open handoff', records({ handoffs: [closed, { ...closed, status: 'open', closedAt: null }] }), 'handoffActive'],
  ['a claimed urgent handoff', records({ handoffs: [{ ...closed, status: 'claimed', closedAt: null, urgent: true }] }), 'handoffActive'],
  ['a text still to go', records({ jobs: [job({ status: 'pending', dueAt: ago(-200), sentAt: undefined })] }), 'followUpToCome'],
  ['a text being sent', records({ jobs: [job({ status: 'sending', sentAt: undefined })] }), 'followUpToCome'],
  [
    'a send interrupted by a crash lately (it may yet be answered, or checked and retried)',
    records({ jobs: [job({ status: 'failed', lastError: 'interrupted', sentAt: undefined, inFlightSince: ago(3), updatedAt: ago(3) })] }),
    'followUpInterrupted',
  ],
  ['a text sent lately with no reply yet', records({ jobs: [job({ sentAt: ago(3), updatedAt: ago(3) })] }), 'awaitingReply'],
  [
    'a wellbeing repeat half answered',
    records({ referral: referral({ lifeSatisfaction: 7 }), jobs: [job({ kind: 'ons4Repeat', answer: 'went', repliedAt: ago(1), updatedAt: ago(1) })] }),
    'wellbeingRepeat',
  ],
])('not finished with %s', (_what, person, because) => {
  expect(progressOf(person, now)).toEqual({ finished: false, because });
});

test('a send that failed for good, or a finished wellbeing repeat, does not hold a referral open', () => {
  const repeat = referral({ lifeSatisfaction: 7, worthwhile: 8, happiness: null, anxiety: 3 });
  const jobs = [job({ status: 'failed', lastError: 'providerRejected', sentAt: undefined }), job({ kind: 'ons4Repeat', answer: 'went', repliedAt: ago(1), updatedAt: ago(1) })];
  expect(progressOf(records({ referral: repeat, jobs }), now)).toMatchObject({ finished: true });
});

test('the privacy notice states the days the retention job uses', () => {
  const text = (lang: 'en' | 'cy') => renderPrivacyPage(lang, { serviceName: 'Front Door', retention: { finishedReferralDays: 45, abandonedReferralDays: 120 } });
  expect(text('en')).toContain('We delete it 45 days after that.');
  expect(text('en')).toContain('we delete your information 120 days after you last gave us an answer');
  expect(text('cy')).toContain('45 diwrnod');
  expect(text('cy')).toContain('120 diwrnod');
  expect(renderPrivacyPage('en', { serviceName: 'Front Door' })).toContain('We delete it 30 days after that.');
});

test('a send interrupted by a crash counts as sent for the clock: once its reply window has passed it no longer keeps the referral', () => {
  const wentAt = ago(REPLY_WINDOW_DAYS + 1);
  const interrupted = job({ status: 'failed', lastError: 'interrupted', sentAt: undefined, inFlightSince: wentAt, updatedAt: wentAt });
  expect(progressOf(records({ jobs: [interrupted] }), now)).toEqual({ finished: true, lastActivity: wentAt });
});
