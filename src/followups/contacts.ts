import type { Collection, Db } from 'mongodb';
import { Collections } from '../store/collections';
import { declareIndexes } from '../store/indexes';

/**
 * Which referral a texting number belongs to, as number keys (HMACs, never numbers): a person who
 * talks to us by SMS, or a web chatter who gave a number for follow-ups. Needed both ways: to text a
 * person who texts us (their personKey cannot be turned back into a number key) and to match a
 * reply from a number to the referral whose check-in it answers (a web chatter's SMS reply comes
 * in under a different personKey).
 */
interface ContactDoc {
  _id: string;
  personKey: string;
  updatedAt: Date;
}

declareIndexes(Collections.followUpContacts, [{ key: { personKey: 1 }, name: 'personKey_1' }]);

export class FollowUpContacts {
  private readonly contacts: Collection<ContactDoc>;

  constructor(db: Db) {
    this.contacts = db.collection<ContactDoc>(Collections.followUpContacts);
  }

  /** The latest referral to use this number key wins (one number, one person's follow-ups). */
  async remember(numberKey: string, personKey: string, at = new Date()): Promise<void> {
    await this.contacts.updateOne({ _id: numberKey }, { $set: { personKey, updatedAt: at } }, { upsert: true });
  }

  async numberKeyFor(personKey: string): Promise<string | undefined> {
    return (await this.contacts.findOne({ personKey }, { sort: { updatedAt: -1 } }))?._id;
  }

  /** Every number key that reaches this person (what "delete my data" must also forget on the SMS channel). */
  async numberKeysFor(personKey: string): Promise<string[]> {
    return (await this.contacts.find({ personKey }, { projection: { _id: 1 } }).toArray()).map((contact) => contact._id);
  }

  async personKeyFor(numberKey: string): Promise<string | undefined> {
    return (await this.contacts.findOne({ _id: numberKey }))?.personKey;
  }

  async eraseFor(personKey: string): Promise<number> {
    return (await this.contacts.deleteMany({ personKey })).deletedCount;
  }
}
