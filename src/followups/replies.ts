import type { ObjectId } from 'mongodb';
import { localeValue, normaliseForMatching, SUPPORTED_LANGUAGES, type Language } from '../i18n';
import { renderFollowUpThanks } from './messages';
import { FOLLOW_UP_ANSWERS, type FollowUpAnswer, type FollowUpKind } from './schema';

/**
 * Reads a reply to a check-in: "1", "2", "3" or words ("yes", "not yet", "help"; "do", "ddim
 * eto", "help" in Welsh). The word lists live in locales/<lng>/followups.json.
 *
 * Rules, in order: a reply starting with 1, 2 or 3 is that answer. Otherwise phrases are matched
 * as whole words, longest first, each span used once (so "not been" is not also "been"). Help
 * wins over anything else said with it; two other answers at once is unclear (undefined), and
 * so is a reply matching nothing. The person's language is tried first, then the others (people
 * mix languages).
 */
export function interpretFollowUpReply(text: string, lang: Language): FollowUpAnswer | undefined {
  const normalised = normaliseForMatching(text);
  if (!normalised) return undefined;
  const lead = /^([123])(?:\s|$)/.exec(normalised);
  if (lead) return FOLLOW_UP_ANSWERS[Number(lead[1]) - 1];
  const order = [lang, ...SUPPORTED_LANGUAGES.filter((other) => other !== lang)];
  for (const language of order) {
    const found = answersIn(normalised, phrasesFor(language));
    if (found.has('needHelp')) return 'needHelp';
    if (found.size === 1) return [...found][0];
    if (found.size > 1) return undefined;
  }
  return undefined;
}

type Phrase = { answer: FollowUpAnswer; words: string };

const phraseCache = new Map<Language, Phrase[]>();

function phrasesFor(lang: Language): Phrase[] {
  const cached = phraseCache.get(lang);
  if (cached) return cached;
  const phrases: Phrase[] = [];
  for (const answer of FOLLOW_UP_ANSWERS) {
    const list = localeValue(lang, `followups.replies.${answer}`);
    if (!Array.isArray(list)) throw new Error(`Missing follow-up reply words "followups.replies.${answer}" (language ${lang})`);
    for (const item of list) if (typeof item === 'string') phrases.push({ answer, words: normaliseForMatching(item) });
  }
  phrases.sort((a, b) => b.words.split(' ').length - a.words.split(' ').length || b.words.length - a.words.length);
  phraseCache.set(lang, phrases);
  return phrases;
}

function answersIn(normalised: string, phrases: Phrase[]): Set<FollowUpAnswer> {
  let remaining = ` ${normalised} `;
  const found = new Set<FollowUpAnswer>();
  for (const { answer, words } of phrases) {
    const needle = ` ${words} `;
    if (!remaining.includes(needle)) continue;
    found.add(answer);
    remaining = remaining.split(needle).join(' | ');
  }
  return found;
}

/** The referral side of a reply (a ReferralRepository fits). */
export interface FollowUpReplyStore {
  recordFollowUpReply(personKey: string, answer: FollowUpAnswer, kind?: FollowUpKind): Promise<boolean>;
}

export interface RecordReplyOptions {
  /** Which follow-up was answered, when known (FollowUpSchedule.awaitingReply). */
  kind?: FollowUpKind;
  /** "I'd like help": put the person back in front of a link worker. */
  reopenHandoff: (personKey: string) => Promise<void>;
}

/**
 * Stores the answer on the person's referral (went / not yet / need help); "need help" also
 * reopens a handoff. Returns false when the person has no referral (e.g. erased), and then
 * reopens nothing.
 */
export async function recordFollowUpReply(
  referrals: FollowUpReplyStore,
  personKey: string,
  answer: FollowUpAnswer,
  options: RecordReplyOptions,
): Promise<boolean> {
  const stored = await referrals.recordFollowUpReply(personKey, answer, options.kind);
  if (!stored) return false;
  if (answer === 'needHelp') await options.reopenHandoff(personKey);
  return true;
}

/** Whether the follow-up text went out after `time` (always, when no time is given). */
export function sentAfter(job: { sentAt?: Date; updatedAt?: Date }, time: Date | undefined): boolean {
  if (!time) return true;
  const sent = job.sentAt ?? job.updatedAt;
  return sent !== undefined && sent > time;
}

/** What handleFollowUpReply needs (FollowUpSchedule and ReferralRepository fit). */
export interface FollowUpReplyDeps {
  schedule: {
    awaitingReply(personKey: string): Promise<{ _id: ObjectId; kind: FollowUpKind; sentAt?: Date; updatedAt?: Date } | null>;
    markReplied(id: ObjectId, answer: FollowUpAnswer): Promise<void>;
  };
  referrals: FollowUpReplyStore;
  reopenHandoff: (personKey: string) => Promise<void>;
}

/**
 * An inbound message from someone with an unanswered check-in: when it reads as 1, 2 or 3, the
 * answer is stored (job and referral), "need help" reopens a handoff, and the thank-you text is
 * returned for the channel to send. Otherwise undefined: the message goes through the normal turn.
 * Call it only after the crisis detector and the channel's STOP handling have had the message.
 */
export async function handleFollowUpReply(
  deps: FollowUpReplyDeps,
  personKey: string,
  text: string,
  lang: Language,
  options: { sentAfter?: Date } = {},
): Promise<{ answer: FollowUpAnswer; thanks: string } | undefined> {
  const job = await deps.schedule.awaitingReply(personKey);
  if (!job || !sentAfter(job, options.sentAfter)) return undefined;
  const answer = interpretFollowUpReply(text, lang);
  if (!answer) return undefined;
  await deps.schedule.markReplied(job._id, answer);
  await recordFollowUpReply(deps.referrals, personKey, answer, { kind: job.kind, reopenHandoff: deps.reopenHandoff });
  return { answer, thanks: renderFollowUpThanks(answer, lang) };
}
