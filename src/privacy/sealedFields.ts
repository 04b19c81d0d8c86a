import { SEALED_HANDOFF_FIELDS } from '../handoff/sealing';
import { PERSONAL_ANSWER_FIELDS } from '../referrals/schema';
import { SmsCollections } from '../channels/sms/store';
import { Collections } from '../store/collections';
import type { SealedFieldSpec } from '../store/reseal';

/**
 * Every stored field that is sealed when FIELD_ENCRYPTION_KEY is set, by collection: what
 * `npm run reseal` seals or re-seals. Each store seals its own fields as it writes them; this list
 * must name the same ones (the whole-app re-seal test checks nothing a person said is left out).
 */
export const SEALED_FIELDS: readonly SealedFieldSpec[] = [
  { collection: Collections.referrals, paths: PERSONAL_ANSWER_FIELDS.map((field) => `answers.${field}`), version: 'updatedAt' },
  {
    collection: Collections.handoffs,
    paths: [...SEALED_HANDOFF_FIELDS, 'riskFlags.$.message', 'transcript.$.text'],
    version: 'updatedAt',
  },
  { collection: Collections.botState, paths: ['data'], version: 'eTag' },
  { collection: Collections.directlineActivities, paths: ['json'] },
  { collection: SmsCollections.conversations, paths: ['number'], version: 'lastSeenAt' },
  { collection: SmsCollections.outbound, paths: ['pending'], version: 'updatedAt' },
];
