import type { ObjectId } from 'mongodb';
import { localeValue, normaliseForMatching, SUPPORTED_LANGUAGES, type Language } from '../i18n';
import { configuredServiceName, renderFollowUpThanks, renderWhoWeAre } from './messages';
import { FOLLOW_UP_ANSWERS, type FollowUpAnswer, type FollowUpKind } from './schema';

/**
 * Reads a reply to a check-in: "1", "2", "3" or words ("yes", "not yet", "help"; "do", "ddim
 * eto", "help" in Welsh). The word lists live in locales/<lng>/followups.json.
 *
 * Rules, in order: a reply starting with 1, 2 or 3 is that answer. Otherwise phrases are matched
 * as whole words, longest first, each span used once (so "not been" is not also "been"). Help
 * wins over anything else said with it; two other answers at once is unclear (undefined), and
 * so is a reply matching nothing. The person's language is tried first, then the others (people
 * mix languages). A count ("2 weeks ago", "3 times") is not an option number, and a question
 * ("who is this?", "no, who are you?") answers nothing unless it asks for help.
 *
 * `kind` is the text being answered. The six-week text ("Can we ask you 4 quick questions? Reply
 * YES") is also answered "yes" by words that agree ("ok", "sure", "go on then", "cewch"): "went"
 * stands for that yes. They are not read for a check-in: "ok" to "did you try it?" is no answer.
 */
export function interpretFollowUpReply(text: string, lang: Language, kind: FollowUpKind = 'referralCheckIn'): FollowUpAnswer | undefined {
  const normalised = normaliseForMatching(text);
  if (!normalised || isNotApplicable(text)) return undefined;
  const lead = /^([123])(?:\s+(\S+)|$)/.exec(normalised);
  if (lead) return QUANTITY_WORDS.has(lead[2] ?? '') ? undefined : FOLLOW_UP_ANSWERS[Number(lead[1]) - 1];
  const answer = answerInWords(normalised, lang, kind);
  // A question ("who is this?", "did you mean the walk?") answers nothing, unless it asks for help.
  if (answer !== 'needHelp' && (asksWhoWeAre(normalised) || text.includes('?'))) return undefined;
  return answer;
}

/**
 * Whether a reply to a check-in asks who is texting ("who is this?", "pwy sy 'na?", "no idea who
 * this is") or is no answer at all ("n/a"): it is not recorded, and the person is told who is
 * texting and how to answer. Other questions go to the conversation, which answers questions.
 */
export function isQuestionNotAnswer(text: string, lang: Language): boolean {
  const normalised = normaliseForMatching(text);
  if (!normalised || interpretFollowUpReply(text, lang)) return false;
  return asksWhoWeAre(normalised) || isNotApplicable(text);
}

/** Words asking who is texting, in either language (as normaliseForMatching leaves them). */
const WHO_WORDS = /(?:^| )(?:who|whos|whom|pwy|wrong number|rhif anghywir)(?: |$)/;

function asksWhoWeAre(normalised: string): boolean {
  return WHO_WORDS.test(normalised);
}

/** "n/a" is not "n" (no). */
function isNotApplicable(text: string): boolean {
  return /^\s*n\s*\/\s*a\W*$/i.test(text);
}

/** A number followed by one of these is a count ("2 weeks ago", "3 times!"), not option 1, 2 or 3. */
const QUANTITY_WORDS = new Set([
  'week', 'weeks', 'wk', 'wks', 'day', 'days', 'time', 'times', 'hour', 'hours', 'hrs', 'month', 'months', 'year', 'years', 'x',
  'wythnos', 'wythnosau', 'diwrnod', 'diwrnodau', 'gwaith', 'awr', 'oriau', 'mis', 'misoedd', 'blwyddyn',
]);

function answerInWords(normalised: string, lang: Language, kind: FollowUpKind): FollowUpAnswer | undefined {
  const order = [lang, ...SUPPORTED_LANGUAGES.filter((other) => other !== lang)];
  for (const language of order) {
    const { found, heard } = answersIn(normalised, phrasesFor(language, kind === 'ons4Repeat'));
    if (found.has('needHelp')) return 'needHelp';
    if (found.size === 1) return [...found][0];
    // Two answers at once, or words that answer nothing ("not ok"): the other language must not find the "ok" in it.
    if (heard) return undefined;
  }
  return undefined;
}

/** answer null: words that answer nothing ("not sure") and so cannot be read as the agreeing word in them ("sure"). */
type Phrase = { answer: FollowUpAnswer | null; words: string };

const phraseCache = new Map<string, Phrase[]>();

/** The reply words of `lang`; for a yes/no question ("Can we ask you…?"), with the words that agree to it. */
function phrasesFor(lang: Language, yesNoQuestion: boolean): Phrase[] {
  const cacheKey = `${lang}:${yesNoQuestion}`;
  const cached = phraseCache.get(cacheKey);
  if (cached) return cached;
  const phrases: Phrase[] = [];
  for (const answer of FOLLOW_UP_ANSWERS) phrases.push(...listed(lang, answer, answer));
  if (yesNoQuestion) phrases.push(...listed(lang, 'agree', 'went'), ...listed(lang, 'unsure', null));
  phrases.sort((a, b) => b.words.split(' ').length - a.words.split(' ').length || b.words.length - a.words.length);
  phraseCache.set(cacheKey, phrases);
  return phrases;
}

/** The words under followups.replies.<list>, each read as `answer`. */
function listed(lang: Language, list: string, answer: FollowUpAnswer | null): Phrase[] {
  const words = localeValue(lang, `followups.replies.${list}`);
  if (!Array.isArray(words)) throw new Error(`Missing follow-up reply words "followups.replies.${list}" (language ${lang})`);
  return words.filter((item): item is string => typeof item === 'string').map((item) => ({ answer, words: normaliseForMatching(item) }));
}

/** The answers in a reply, and whether any listed words were heard at all (answering or not). */
function answersIn(normalised: string, phrases: Phrase[]): { found: Set<FollowUpAnswer>; heard: boolean } {
  let remaining = ` ${normalised} `;
  const found = new Set<FollowUpAnswer>();
  let heard = false;
  for (const { answer, words } of phrases) {
    const needle = ` ${words} `;
    if (!remaining.includes(needle)) continue;
    heard = true;
    if (answer !== null) found.add(answer);
    remaining = remaining.split(needle).join(' | ');
  }
  return { found, heard };
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

/**
 * Whether the six-week wellbeing text went out after the check-in: a reply answers the text sent
 * last, so the check-in is left for the caller's wellbeing handling ("YES" is not "yes, I went").
 */
async function laterWellbeingText(deps: FollowUpReplyDeps, personKey: string, checkIn: { sentAt?: Date; updatedAt?: Date }): Promise<boolean> {
  const repeat = await deps.schedule.awaitingWellbeingRepeat?.(personKey);
  const checkInSent = checkIn.sentAt ?? checkIn.updatedAt;
  return !!repeat && sentAfter(repeat, checkInSent);
}

/** What handleFollowUpReply needs (FollowUpSchedule and ReferralRepository fit). */
export interface FollowUpReplyDeps {
  schedule: {
    awaitingReply(personKey: string): Promise<{ _id: ObjectId; kind: FollowUpKind; sentAt?: Date; updatedAt?: Date } | null>;
    markReplied(id: ObjectId, answer: FollowUpAnswer): Promise<void>;
    /** The six-week wellbeing text awaiting a YES (FollowUpSchedule has it): when sent after the check-in, a reply is its. */
    awaitingWellbeingRepeat?(personKey: string): Promise<{ sentAt?: Date; updatedAt?: Date } | null>;
  };
  referrals: FollowUpReplyStore;
  reopenHandoff: (personKey: string) => Promise<void>;
  /** Named when someone asks who is texting (default: the name the follow-up sender was set up with). */
  serviceName?: string;
}

/**
 * An inbound message from someone with an unanswered check-in: when it reads as 1, 2 or 3, the
 * answer is stored (job and referral), "need help" reopens a handoff, and the thank-you text is
 * returned for the channel to send. A question instead ("who is this?") stores nothing and gets who
 * we are and how to answer. Otherwise undefined: the message goes through the normal turn.
 * Call it only after the crisis detector and the channel's STOP handling have had the message.
 */
export async function handleFollowUpReply(
  deps: FollowUpReplyDeps,
  personKey: string,
  text: string,
  lang: Language,
  options: { sentAfter?: Date } = {},
): Promise<{ answer?: FollowUpAnswer; thanks: string } | undefined> {
  const job = await deps.schedule.awaitingReply(personKey);
  if (!job || !sentAfter(job, options.sentAfter)) return undefined;
  if (await laterWellbeingText(deps, personKey, job)) return undefined;
  if (isQuestionNotAnswer(text, lang)) return { thanks: renderWhoWeAre(lang, deps.serviceName ?? configuredServiceName()) };
  const answer = interpretFollowUpReply(text, lang);
  if (!answer) return undefined;
  await deps.schedule.markReplied(job._id, answer);
  await recordFollowUpReply(deps.referrals, personKey, answer, { kind: job.kind, reopenHandoff: deps.reopenHandoff });
  return { answer, thanks: renderFollowUpThanks(answer, lang) };
}
