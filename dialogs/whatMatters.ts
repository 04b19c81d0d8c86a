import { normaliseForMatching, stripFillers, synonymsFor } from '../src/i18n';
import { leftOutWording, withoutIdentifiers } from '../src/privacy';
import type { Referral, ReferralRepository, Barrier, ContactMethod, Days, Interest, TimeOfDay } from '../src/referrals';
import { INTERESTS } from '../src/referrals';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import { barriersAside, barriersSpokenOf } from './barriersSpokenOf';
import { MultiChoiceQuestion, type MultiChoiceSpec } from './prompts/multiChoiceQuestion';
import { TextQuestion } from './prompts/textQuestion';
import { isSmsChannel } from './render';
import { QuestionSequenceDialog, sequenceQuestion, type SequenceQuestion } from './questionSequence';
import { orDeclined, parseFreeText, parseName, parsePlace, parseUkMobile, parseUkPhone, parseWhatMatters, type Parsed } from './validation';

export const WHAT_MATTERS_DIALOG = 'whatMatters';

/** Parts of "what matters" a person can change from the summary. */
export const WHAT_MATTERS_PARTS = ['whatMatters', 'interests', 'barriers', 'when', 'place', 'contact', 'name'] as const;
export type WhatMattersPart = (typeof WHAT_MATTERS_PARTS)[number];

/** Fewer words than this and we gently ask for a little more. */
const SHORT_ANSWER_WORDS = 3;

export function isShortAnswer(text: string | undefined): boolean {
  return text !== undefined && text.trim().split(/\s+/).length < SHORT_ANSWER_WORDS;
}

const option = <V extends string>(value: V, group: string, exclusive = false): MultiChoiceSpec<V> => ({
  ...choice(value, `whatMatters.${group}.options.${value}`),
  exclusive,
});

/**
 * "What matters to you?" and the practical questions after it: interests, what gets in the way,
 * when and where suits, how to keep in touch, and what to call the person. Each answer is stored
 * the moment it is given.
 */
export class WhatMattersDialog extends QuestionSequenceDialog {
  constructor(repo: ReferralRepository) {
    super(WHAT_MATTERS_DIALOG, repo, buildQuestions(repo).map(tellingWhatWasLeftOut));
  }
}

/** Questions answered in the person's own words: the repository leaves NHS numbers and dates of birth out of these. */
const OWN_WORDS_QUESTIONS: ReadonlySet<string> = new Set(['whatMatters', 'whatMattersMore', 'interests', 'name']);

/** Tells the person, in one plain line, when an identifier they typed was left out of their answer. */
function tellingWhatWasLeftOut(question: SequenceQuestion): SequenceQuestion {
  if (!OWN_WORDS_QUESTIONS.has(question.id)) return question;
  return {
    ...question,
    save: async (personKey, result) => {
      const outcome = (await question.save(personKey, result)) ?? {};
      const { leftOut } = withoutIdentifiers(result);
      return leftOut.length > 0 && !outcome.noteKey ? { ...outcome, noteKey: `whatMatters.leftOut.${leftOutWording(leftOut)}` } : outcome;
    },
  };
}

/** The person is talking to us by SMS, so "text message" means this number. */
export function textsFromTheirPhone(referral: Referral | null | undefined): boolean {
  return referral ? isSmsChannel(referral.channel) : false;
}

/**
 * The number to call. "This number" or "ar y rhif yma" is not one we can call: by text the number
 * they text from is kept hidden, even from link workers. So they are asked kindly to type it.
 */
function parseNumberToCall(text: string): Parsed<string> {
  const parsed = parseUkPhone(text);
  if (parsed.ok || !meansThisNumber(text)) return parsed;
  return { ok: false, problemKey: 'whatMatters.phone.typeTheNumber' };
}

function meansThisNumber(text: string): boolean {
  const normalised = normaliseForMatching(text);
  const phrases = synonymsFor('whatMatters.phone.thisNumber');
  return phrases.includes(normalised) || phrases.includes(stripFillers(normalised));
}

/**
 * Own words that say something: not "nuthing" or "non" (ways of saying nothing that the shared
 * lists miss) and not emoji alone. Those still end the question, as "nothing" does.
 */
function wordsWorthKeeping(ownWords: string | undefined): string | undefined {
  if (ownWords === undefined || !/[\p{L}\p{N}]/u.test(ownWords)) return undefined;
  const said = stripFillers(normaliseForMatching(ownWords));
  return synonymsFor('whatMatters.sayingNothing').includes(said) ? undefined : ownWords;
}

const GREETED_TIMES = ['mornings', 'afternoons', 'evenings'] as const;

/** The time of day a greeting names, when the message is only that greeting ("Good morning!", "bore da"). */
function timeGreetedWith(text: string): TimeOfDay | undefined {
  const said = normaliseForMatching(text);
  return GREETED_TIMES.find((time) => synonymsFor(`whatMatters.times.greetings.${time}`).includes(said));
}

/** Words joining times of day in one reply: "mornings or afternoons", "boreau a phrynhawniau". */
const TIME_JOINERS = new Set(['and', 'or', 'n', 'a', 'ac', 'neu']);

/**
 * "Mornings" or "evenings and afternoons" (and nothing else) to "Which days suit you?": a time of day
 * is asked next, so the person is told that kindly rather than "Sorry, I didn't understand".
 */
function namesOnlyTimesOfDay(text: string): boolean {
  const said = stripFillers(normaliseForMatching(text));
  const times = new Set([
    ...synonymsFor('common.fillers.timesOfDay'),
    ...GREETED_TIMES.flatMap((time) => synonymsFor(`whatMatters.times.options.${time}`)),
  ]);
  if (times.has(said)) return true;
  const words = said.split(' ').filter(Boolean);
  return words.some((word) => times.has(word)) && words.every((word) => times.has(word) || TIME_JOINERS.has(word));
}

/**
 * "What time of day suits you?". The rule: "good morning" (or "bore da", "good evening") on its own
 * here answers the question: the person is looking at a list of times of day, "Hello again" back
 * would not be listening, and what we took it as is said back ("I've noted: Mornings"), so a wrong
 * guess shows. A greeting with more to it ("hi, good morning", "good morning, sorry I had to go",
 * "hello again"), or naming a time already chosen, is still a greeting after a break.
 */
class TimesQuestion extends MultiChoiceQuestion<TimeOfDay> {
  override acceptsAnswer(text: string, state: object): boolean {
    const greeted = timeGreetedWith(text);
    const chosen = 'selected' in state && Array.isArray(state.selected) ? state.selected : [];
    return super.acceptsAnswer(text, state) || (greeted !== undefined && !chosen.includes(greeted));
  }
}

function buildQuestions(repo: ReferralRepository): SequenceQuestion[] {
  const has = (field: keyof Referral['answers']) => (r: Referral) => r.answers[field] !== undefined;
  const method = (r: Referral): ContactMethod | undefined => r.answers.contactMethod;

  return [
    sequenceQuestion({
      id: 'whatMatters',
      part: 'whatMatters',
      dialog: new TextQuestion('whatMatters.whatMatters', { textKey: 'whatMatters.whatMatters.ask', parse: parseWhatMatters }),
      isAnswered: has('whatMatters'),
      save: async (personKey, text) => {
        await repo.saveAnswer(personKey, 'whatMatters', text!);
        // A fuller answer no longer needs the follow-up given to an earlier, shorter one.
        if (!isShortAnswer(text!)) await repo.clearAnswer(personKey, 'whatMattersMore');
      },
    }),
    sequenceQuestion({
      id: 'whatMattersMore',
      part: 'whatMatters',
      dialog: new TextQuestion('whatMatters.whatMattersMore', {
        textKey: 'whatMatters.whatMattersMore.ask',
        parse: parseFreeText,
        allowSkip: true,
      }),
      applies: (r) => isShortAnswer(r.answers.whatMatters),
      isAnswered: has('whatMattersMore'),
      save: (personKey, text) => repo.saveAnswer(personKey, 'whatMattersMore', text),
    }),
    sequenceQuestion({
      id: 'interests',
      part: 'interests',
      dialog: new MultiChoiceQuestion<Interest>('whatMatters.interests', {
        textKey: 'whatMatters.interests.ask',
        hintKey: 'whatMatters.interests.hint',
        moreKey: 'whatMatters.interests.more',
        choices: INTERESTS.map((interest) => option(interest, 'interests')),
        allowOwnWords: true,
      }),
      isAnswered: has('interests'),
      save: async (personKey, answer) => {
        await repo.saveAnswer(personKey, 'interests', { chosen: answer.values, ownWords: wordsWorthKeeping(answer.ownWords) });
        return answer.complete ? {} : { askAgainWith: answer.values };
      },
    }),
    sequenceQuestion({
      id: 'barriers',
      part: 'barriers',
      dialog: new MultiChoiceQuestion<Barrier>('whatMatters.barriers', {
        textKey: 'whatMatters.barriers.ask',
        hintKey: 'whatMatters.barriers.hint',
        moreKey: 'whatMatters.barriers.more',
        choices: [
          option('cost', 'barriers'),
          option('transport', 'barriers'),
          option('access', 'barriers'),
          option('groupAnxiety', 'barriers'),
          option('caring', 'barriers'),
          option('language', 'barriers'),
          { ...option('nothing', 'barriers', true), alsoKeys: ['whatMatters.sayingNothing'] },
        ],
        understand: barriersSpokenOf,
        aside: barriersAside,
      }),
      isAnswered: has('barriers'),
      save: async (personKey, answer) => {
        await repo.saveAnswer(personKey, 'barriers', answer.values);
        if (!answer.complete) return { askAgainWith: answer.values };
        // Language is what gets in the way: say plainly that an interpreter can be arranged.
        return answer.values.includes('language') ? { noteKey: 'whatMatters.barriers.interpreter' } : {};
      },
    }),
    sequenceQuestion({
      id: 'days',
      part: 'when',
      dialog: new ChoiceQuestion<Days>('whatMatters.days', {
        textKey: 'whatMatters.days.ask',
        choices: (['weekdays', 'weekends', 'any'] as const).map((d) => choice(d, `whatMatters.days.options.${d}`)),
        // "Monday or Saturday": some of each is any day.
        several: 'any',
        aside: (text) => (namesOnlyTimesOfDay(text) ? 'whatMatters.days.timesNext' : undefined),
      }),
      isAnswered: has('days'),
      save: (personKey, days) => repo.saveAnswer(personKey, 'days', days!),
    }),
    sequenceQuestion({
      id: 'times',
      part: 'when',
      dialog: new TimesQuestion('whatMatters.times', {
        textKey: 'whatMatters.times.ask',
        hintKey: 'whatMatters.times.hint',
        moreKey: 'whatMatters.times.more',
        choices: [option('mornings', 'times'), option('afternoons', 'times'), option('evenings', 'times'), option('any', 'times', true)],
        understand: (text) => [timeGreetedWith(text)].filter((time) => time !== undefined),
      }),
      isAnswered: has('times'),
      save: async (personKey, answer) => {
        await repo.saveAnswer(personKey, 'times', answer.values);
        return answer.complete ? {} : { askAgainWith: answer.values };
      },
    }),
    sequenceQuestion({
      id: 'place',
      part: 'place',
      dialog: new TextQuestion('whatMatters.place', { textKey: 'whatMatters.place.ask', parse: orDeclined(parsePlace), allowSkip: true }),
      isAnswered: has('place'),
      save: (personKey, place) => repo.saveAnswer(personKey, 'place', place),
    }),
    sequenceQuestion({
      id: 'contactMethod',
      part: 'contact',
      dialog: new ChoiceQuestion<ContactMethod>('whatMatters.contact', {
        textKey: 'whatMatters.contact.ask',
        choices: (['chat', 'sms', 'phone', 'none'] as const).map((m) => choice(m, `whatMatters.contact.options.${m}`)),
      }),
      isAnswered: has('contactMethod'),
      save: async (personKey, contactMethod) => {
        await repo.saveAnswer(personKey, 'contactMethod', contactMethod!);
        // A number is only kept while it is how the person wants to be contacted.
        await repo.clearAnswer(personKey, 'contactNumber');
        // Texting us already: we reply to the number they text from, which the SMS channel keeps
        // encrypted. No copy on the referral (null: nothing to ask for).
        if (contactMethod === 'sms' && textsFromTheirPhone(await repo.find(personKey))) await repo.saveAnswer(personKey, 'contactNumber', null);
      },
    }),
    sequenceQuestion({
      id: 'mobile',
      part: 'contact',
      dialog: new TextQuestion('whatMatters.mobile', { textKey: 'whatMatters.mobile.ask', parse: orDeclined(parseUkMobile), allowSkip: true }),
      applies: (r) => method(r) === 'sms' && !textsFromTheirPhone(r),
      isAnswered: has('contactNumber'),
      save: (personKey, number) => repo.saveAnswer(personKey, 'contactNumber', number),
    }),
    sequenceQuestion({
      id: 'phone',
      part: 'contact',
      dialog: new TextQuestion('whatMatters.phone', { textKey: 'whatMatters.phone.ask', parse: orDeclined(parseNumberToCall), allowSkip: true }),
      applies: (r) => method(r) === 'phone',
      isAnswered: has('contactNumber'),
      save: (personKey, number) => repo.saveAnswer(personKey, 'contactNumber', number),
    }),
    sequenceQuestion({
      id: 'name',
      part: 'name',
      dialog: new TextQuestion('whatMatters.name', { textKey: 'whatMatters.name.ask', parse: orDeclined(parseName), allowSkip: true }),
      isAnswered: has('preferredName'),
      save: (personKey, name) => repo.saveAnswer(personKey, 'preferredName', name),
    }),
  ];
}
