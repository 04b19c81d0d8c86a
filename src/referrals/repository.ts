import { MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import { z } from 'zod';
import type { Language } from '../i18n/languages';
import { withoutIdentifiers } from '../privacy/identifiers';
import { Collections } from '../store/collections';
import type { FieldCipher } from '../store/fieldCipher';
import { fieldCipherOf } from '../store/fieldEncryption';
import {
  answerSchemas,
  CONSENT_SCHEMA_VERSION,
  ConsentRecordSchema,
  ERASURE_SCHEMA_VERSION,
  FOLLOW_UP_ANSWERS,
  Ons4ScoreSchema,
  PERSONAL_ANSWER_FIELDS,
  REFERRAL_SCHEMA_VERSION,
  ReferralSchema,
  type AnswerField,
  type AnswerValue,
  type ConsentAnswer,
  type ConsentRecord,
  type FollowUpAnswer,
  type Ons4Measure,
  type Ons4Score,
  type Referral,
} from './schema';
import { TurnCache } from './turnCache';

export interface ConsentInput {
  noticeVersion: string;
  channel: string;
  answer: ConsentAnswer;
}

export interface ErasureResult {
  referralsDeleted: number;
  consentsDeleted: number;
}

const DUPLICATE_KEY = 11000;

/** Answers sealed at rest when a field key is configured (src/store/fieldCipher.ts). */
const SEALED_ANSWERS: ReadonlySet<AnswerField> = new Set(PERSONAL_ANSWER_FIELDS);

/** Answers in the person's own words (free text), where identifiers they typed are left out. */
const OWN_WORDS_ANSWERS: ReadonlySet<AnswerField> = new Set<AnswerField>(['whatMatters', 'whatMattersMore', 'interests', 'preferredName']);

/** The driver would store an undefined property as null; an absent answer part should stay absent. */
function withoutUndefined<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A person's referral in MongoDB: created at first contact, each answer written the moment it is
 * given. Knows nothing of Bot Framework. `personKey` is opaque (the pipeline derives it from the
 * channel and user id).
 */
export class ReferralRepository {
  private readonly referrals: Collection;
  private readonly consents: Collection;
  private readonly erasures: Collection;
  private readonly counters: Collection;
  private readonly turnCache = new TurnCache<Document | null>();
  private readonly cipher: FieldCipher;
  private readonly openedAnswers = new WeakMap<object, Document>();

  constructor(
    db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.referrals = db.collection(Collections.referrals);
    this.consents = db.collection(Collections.consents);
    this.erasures = db.collection(Collections.erasures);
    this.counters = db.collection(Collections.counters);
    this.cipher = fieldCipherOf(db);
  }

  /** A stored referral as the rest of the code knows it: sealed answers opened, older shapes tolerated. */
  private parse(doc: Document): Referral {
    const answers: unknown = doc.answers;
    if (answers === null || typeof answers !== 'object') return ReferralSchema.parse(doc);
    // A turn reads the same stored document several times (TurnCache): open its answers once.
    let opened = this.openedAnswers.get(answers);
    if (!opened) {
      opened = this.cipher.openFields(answers as Document, PERSONAL_ANSWER_FIELDS);
      this.openedAnswers.set(answers, opened);
    }
    // The schema copies what it parses, so no caller can change the opened answers kept here.
    return ReferralSchema.parse({ ...doc, answers: opened });
  }

  /** Runs one turn of the person's: while it runs, their referral is read from MongoDB at most once (see TurnCache). */
  duringTurn<R>(personKey: string, work: () => Promise<R>): Promise<R> {
    return this.turnCache.during(personKey, work);
  }

  /** The person's referral, or null if there is none. */
  async find(personKey: string): Promise<Referral | null> {
    const doc = await this.turnCache.read(personKey, () => this.referrals.findOne({ personKey }));
    // Parsed on every read: each caller gets its own object, so no caller can change what the rest of the turn reads.
    return doc ? this.parse(doc) : null;
  }

  /** The person's referral, created with the given channel and language if it does not exist. */
  async getOrCreate(personKey: string, channel: string, lang: Language): Promise<Referral> {
    this.turnCache.forget(personKey);
    const filter = { personKey };
    const update = { $setOnInsert: this.newReferralFields(personKey, channel, lang) };
    try {
      const doc = await this.referrals.findOneAndUpdate(filter, update, { upsert: true, returnDocument: 'after' });
      this.turnCache.remember(personKey, doc);
      if (doc) return this.parse(doc);
    } catch (error) {
      // Two first messages at once: the other one created it. Read theirs.
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const existing = await this.find(personKey);
    if (!existing) throw new Error(`Referral could not be created or read (collection ${Collections.referrals})`);
    return existing;
  }

  /** Remembers the language the person chose. */
  async setLanguage(personKey: string, lang: Language): Promise<void> {
    await this.update(personKey, { $set: { lang, languageChosen: true } });
  }

  /** The language a person wrote in when it is not English or Welsh, so a link worker can book an interpreter. */
  async setInterpreterLanguage(personKey: string, code: string): Promise<void> {
    await this.update(personKey, { $set: { interpreterLanguage: code } });
  }

  /** Stores one answer as it is given: a single field, validated, plus updatedAt. */
  async saveAnswer<F extends AnswerField>(personKey: string, field: F, value: AnswerValue<F>): Promise<void> {
    const checked = answerSchemas[field].safeParse(value);
    if (!checked.success) {
      throw new Error(`Answer "${field}" has the wrong shape: ${checked.error.issues.map((i) => i.message).join('; ')}`);
    }
    // Data minimisation: an NHS number or date of birth typed into their words is never stored.
    const minimised = OWN_WORDS_ANSWERS.has(field) ? withoutIdentifiers(checked.data).value : checked.data;
    const stored = SEALED_ANSWERS.has(field) ? this.cipher.seal(withoutUndefined(minimised)) : withoutUndefined(minimised);
    await this.update(personKey, { $set: { [`answers.${field}`]: stored } });
  }

  /** Forgets one answer so the question is asked again (e.g. a follow-up that no longer applies). */
  async clearAnswer(personKey: string, field: AnswerField): Promise<void> {
    await this.update(personKey, { $unset: { [`answers.${field}`]: '' } });
  }

  /** Stores one ONS4 score (0 to 10, or null when skipped) in the wellbeing baseline. */
  async saveWellbeing(personKey: string, measure: Ons4Measure, score: Ons4Score): Promise<void> {
    const checked = Ons4ScoreSchema.parse(score);
    await this.update(personKey, { $set: { [`wellbeing.${measure}`]: checked } });
  }

  /** One answer of the six-week ONS4 repeat; the baseline is never overwritten. */
  async saveWellbeingRepeat(personKey: string, measure: Ons4Measure, score: Ons4Score): Promise<void> {
    const checked = Ons4ScoreSchema.parse(score);
    await this.update(personKey, { $set: { [`wellbeingRepeat.${measure}`]: checked } });
  }

  /** "Start again": clears answers, wellbeing and suggestions (they followed from the answers); keeps consent and language. */
  async resetAnswers(personKey: string): Promise<void> {
    await this.update(personKey, {
      $set: { answers: {}, wellbeing: {}, status: 'inProgress' },
      $unset: { readyAt: '', suggestions: '' },
    });
  }

  /** Directory services (ids) just shown to the person as suggestions. */
  async recordSuggestionsShown(personKey: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.update(personKey, { $push: { 'suggestions.shown': { ids: [...ids], at: this.now() } } });
  }

  /** Suggestions the person chose, added to their referral for the link worker (ids already picked are not added twice). */
  async recordSuggestionPicks(personKey: string, ids: readonly string[]): Promise<void> {
    const existing = await this.find(personKey);
    const already = new Set(existing?.suggestions.picked.map((p) => p.id));
    const fresh = [...new Set(ids)].filter((id) => !already.has(id));
    if (fresh.length === 0) return;
    const at = this.now();
    await this.update(personKey, { $push: { 'suggestions.picked': { $each: fresh.map((id) => ({ id, at })) } } });
  }

  /** The person said none of the suggestions fit. */
  async recordNoSuggestionFits(personKey: string): Promise<void> {
    await this.update(personKey, { $set: { 'suggestions.noneFitAt': this.now() } });
  }

  /** A reply to a follow-up text; false when the person has no referral (e.g. erased). */
  async recordFollowUpReply(personKey: string, answer: FollowUpAnswer, kind?: string): Promise<boolean> {
    this.turnCache.forget(personKey);
    const reply = withoutUndefined({ answer: z.enum(FOLLOW_UP_ANSWERS).parse(answer), at: this.now(), kind });
    const result = await this.referrals.updateOne(
      { personKey },
      { $push: { 'followUps.replies': reply }, $set: { updatedAt: this.now() } } as Document,
    );
    return result.matchedCount > 0;
  }

  /** Stores the consent record; on "yes" also marks the referral as consented. */
  async recordConsent(personKey: string, input: ConsentInput): Promise<ConsentRecord> {
    const record = ConsentRecordSchema.parse({
      schemaVersion: CONSENT_SCHEMA_VERSION,
      personKey,
      noticeVersion: input.noticeVersion,
      recordedAt: this.now(),
      channel: input.channel,
      answer: input.answer,
    });
    await this.consents.insertOne({ ...record });
    if (input.answer === 'yes') {
      await this.update(personKey, { $set: { consent: { noticeVersion: record.noticeVersion, givenAt: record.recordedAt } } });
    }
    return record;
  }

  /**
   * A No to the consent question withdraws any consent given before (someone else on a shared phone,
   * asked again after "start again"). The consent records stay as the history of what was agreed.
   */
  async withdrawConsent(personKey: string): Promise<void> {
    await this.update(personKey, { $unset: { consent: '' } });
  }

  /** The referral is complete and waiting for a link worker. */
  async markReady(personKey: string): Promise<void> {
    const now = this.now();
    await this.update(personKey, { $set: { status: 'ready', readyAt: now } });
  }

  /**
   * Flags the referral as urgent (crisis language), naming the rule that fired, never the text.
   * Creates a minimal referral if the person has none yet, so the flag is not lost.
   */
  async markUrgent(personKey: string, rule: string, channel = 'unknown', lang: Language = 'en'): Promise<void> {
    await this.upsert(personKey, channel, lang, { urgent: { rule, flaggedAt: this.now() } });
  }

  /**
   * The person said they are under the service's minimum age. The referral (if there is one; none is
   * made) keeps a flag saying so, never the age. Answers not yet with the team are cleared and consent
   * withdrawn, as the service is not for them; a referral already with the team is left for the link worker.
   */
  async markUnderMinimumAge(personKey: string): Promise<void> {
    const existing = await this.find(personKey);
    if (!existing) return;
    if (existing.status === 'ready') {
      await this.update(personKey, { $set: { underMinimumAge: true } });
      return;
    }
    await this.update(personKey, {
      $set: { underMinimumAge: true, answers: {}, wellbeing: {} },
      $unset: { consent: '', suggestions: '', readyAt: '' },
    });
  }

  /** Records that the person asked to talk to a person. */
  async recordHumanRequest(personKey: string, channel = 'unknown', lang: Language = 'en'): Promise<void> {
    await this.upsert(personKey, channel, lang, { humanRequestedAt: this.now() });
  }

  /**
   * Someone declined consent: add one to an anonymous monthly tally for the channel.
   * Nothing about the person is stored.
   */
  async countAnonymousDecline(channel: string): Promise<void> {
    const month = this.now().toISOString().slice(0, 7);
    const name = 'consentDeclined';
    await this.counters.updateOne(
      { _id: `${name}:${channel}:${month}` } as Document,
      { $inc: { count: 1 }, $setOnInsert: { name, channel, month } },
      { upsert: true },
    );
  }

  /**
   * After a "no" to consent: removes the referral made at first contact (it held only the
   * channel and language), so nothing about the person stays. Not an erasure request, so no log.
   * A referral flagged urgent (crisis language) is kept, with its answers cleared: the flag names
   * a rule, never the words, and a team must be able to see that someone may be at risk
   * (vital interests). "Delete my data" still removes it.
   */
  async discardUnconsented(personKey: string): Promise<void> {
    this.turnCache.forget(personKey);
    await this.referrals.deleteOne({ personKey, consent: { $exists: false }, urgent: { $exists: false } });
    await this.referrals.updateOne(
      { personKey, consent: { $exists: false } },
      { $set: { answers: {}, wellbeing: {}, updatedAt: this.now() } },
    );
  }

  /**
   * "Delete my data": removes the referral and every consent record for the person, and writes a
   * minimal erasure log entry (time, channel, counts; no identifier). Bot state is the caller's.
   */
  async erase(personKey: string, channel?: string): Promise<ErasureResult> {
    this.turnCache.forget(personKey);
    const existing = await this.referrals.findOne({ personKey }, { projection: { channel: 1 } });
    const referralResult = await this.referrals.deleteMany({ personKey });
    const consentResult = await this.consents.deleteMany({ personKey });
    const result: ErasureResult = {
      referralsDeleted: referralResult.deletedCount,
      consentsDeleted: consentResult.deletedCount,
    };
    await this.erasures.insertOne({
      schemaVersion: ERASURE_SCHEMA_VERSION,
      erasedAt: this.now(),
      channel: channel ?? (typeof existing?.channel === 'string' ? existing.channel : 'unknown'),
      ...result,
    });
    return result;
  }

  private newReferralFields(personKey: string, channel: string, lang: Language): Document {
    const now = this.now();
    return {
      personKey,
      schemaVersion: REFERRAL_SCHEMA_VERSION,
      channel,
      lang,
      languageChosen: false,
      status: 'inProgress',
      answers: {},
      wellbeing: {},
      createdAt: now,
      updatedAt: now,
    };
  }

  // Writes return the document after the change, so the turn's next read of it costs no round trip.
  private async update(personKey: string, update: { $set?: Document; $unset?: Document; $push?: Document }): Promise<void> {
    this.turnCache.forget(personKey);
    const doc = await this.referrals.findOneAndUpdate({ personKey }, { ...update, $set: { ...update.$set, updatedAt: this.now() } }, { returnDocument: 'after' });
    this.turnCache.remember(personKey, doc);
  }

  private async upsert(personKey: string, channel: string, lang: Language, fields: Document): Promise<void> {
    this.turnCache.forget(personKey);
    const onInsert = this.newReferralFields(personKey, channel, lang);
    // A path may appear in only one operator: $set wins for these.
    for (const key of [...Object.keys(fields), 'updatedAt']) delete onInsert[key];
    const update = { $set: { ...fields, updatedAt: this.now() }, $setOnInsert: onInsert };
    let doc: Document | null;
    try {
      doc = await this.referrals.findOneAndUpdate({ personKey }, update, { upsert: true, returnDocument: 'after' });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      doc = await this.referrals.findOneAndUpdate({ personKey }, update, { returnDocument: 'after' });
    }
    this.turnCache.remember(personKey, doc);
  }
}

