import type { Db } from 'mongodb';
import { ReferralRepository } from '../../src/referrals';
import type { Referral } from '../../src/referrals/schema';
import type { TranscriptEntry } from '../../src/handoff';

/** What the person said, verbatim, in the fixture referral. */
export const WHAT_MATTERS = "I've been on my own since my wife died. I'd like to get out of the house and maybe meet people who like birds.";
export const CRISIS_TEXT = "some days I don't see the point in going on";

/**
 * A complete referral written through the real ReferralRepository, as the dialogs would write it,
 * with a crisis flag raised at `flaggedAt`, plus the transcript that led to it.
 */
export async function completeReferral(db: Db, personKey: string, start = new Date('2026-03-02T10:00:00Z')) {
  let clock = start.getTime();
  const tick = () => new Date((clock += 1000));
  const repo = new ReferralRepository(db, tick);
  await repo.getOrCreate(personKey, 'webchat', 'cy');
  await repo.saveAnswer(personKey, 'preferredName', 'Sam');
  await repo.saveAnswer(personKey, 'whatMatters', WHAT_MATTERS);
  await repo.saveAnswer(personKey, 'whatMattersMore', null);
  await repo.saveAnswer(personKey, 'interests', { chosen: ['outdoors', 'social'], ownWords: 'birdwatching' });
  await repo.saveAnswer(personKey, 'barriers', ['transport', 'groupAnxiety']);
  await repo.saveAnswer(personKey, 'days', 'weekends');
  await repo.saveAnswer(personKey, 'times', ['mornings', 'afternoons']);
  await repo.saveAnswer(personKey, 'place', { kind: 'postcodeDistrict', value: 'CF10' });
  await repo.saveAnswer(personKey, 'contactMethod', 'sms');
  await repo.saveAnswer(personKey, 'contactNumber', '+447700900123');
  await repo.saveWellbeing(personKey, 'lifeSatisfaction', 4);
  await repo.saveWellbeing(personKey, 'worthwhile', 5);
  await repo.saveWellbeing(personKey, 'happiness', 3);
  await repo.saveWellbeing(personKey, 'anxiety', 7);
  await repo.recordSuggestionsShown(personKey, ['svc-birds', 'svc-walk', 'svc-choir']);
  await repo.recordSuggestionPicks(personKey, ['svc-birds', 'svc-walk']);
  const crisisAt = tick();
  const flaggedAt = tick();
  await new ReferralRepository(db, () => flaggedAt).markUrgent(personKey, 'en.hopelessness');
  await repo.recordHumanRequest(personKey);
  const referral = (await repo.find(personKey)) as Referral;
  const transcript: TranscriptEntry[] = [
    { from: 'bot', text: 'What matters to you?', at: new Date(start.getTime() + 500) },
    { from: 'person', text: WHAT_MATTERS, at: new Date(start.getTime() + 2500) },
    { from: 'person', text: CRISIS_TEXT, at: crisisAt },
    { from: 'bot', text: 'You can call Samaritans free on 116 123.', at: flaggedAt },
  ];
  return { referral, transcript, flaggedAt };
}
