import { randomBytes } from 'node:crypto';
import { SmsStore } from '../../src/channels/sms';
import { FollowUpContacts } from '../../src/followups/contacts';
import { FollowUpSchedule } from '../../src/followups';
import { HandoffRepository } from '../../src/handoff/repository';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
/**
 * Retention stories happen in the past, at noon: bot state and web chat transcripts are stamped with
 * the real clock, so they look recent and only the finished-referral rule can take them.
 */
const T0 = Math.floor((Date.now() - 1200 * DAY) / DAY) * DAY + 12 * HOUR;
export const day = (n: number): Date => new Date(T0 + n * DAY);
export const worker = { id: 'lw-1', email: 'alex@example.org' };

export interface RetentionWorld {
  t: TestDatabase;
  referrals: ReferralRepository;
  handoffs: HandoffRepository;
  schedule: FollowUpSchedule;
  contacts: FollowUpContacts;
  sms: SmsStore;
}

/** A fresh database and the real repositories a person's data lives in, all on the story's clock. */
export async function startRetentionWorld(now: () => Date): Promise<RetentionWorld> {
  const t = await startTestDatabase();
  return {
    t,
    referrals: new ReferralRepository(t.db, now),
    handoffs: new HandoffRepository(t.db, now),
    schedule: new FollowUpSchedule(t.db, now),
    contacts: new FollowUpContacts(t.db),
    sms: new SmsStore(t.db, randomBytes(32), randomBytes(32)),
  };
}
