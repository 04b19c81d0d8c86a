import { ActivityTypes, type TurnContext } from 'botbuilder';
import { Dialog, WaterfallDialog, type DialogContext, type DialogInstance, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ConsentMark } from '../src/channels/directline';
import { normaliseForMatching, synonymsFor, type Language } from '../src/i18n';
import type { ReferralRepository } from '../src/referrals';
import type { DialogConfig } from './config';
import { matchable, matchChoice, type MatchableChoice } from './choiceMatching';
import { PersonDialog, type PersonOptions } from './personDialog';
import { choice, ChoiceQuestion } from './prompts/choiceQuestion';
import type { AnswerRecogniser } from './prompts/answerRecogniser';
import { renderMessage, renderQuestion } from './render';
import { setTurnLanguage, turnLanguage, turnTranslator } from './turnLanguage';

export const CONSENT_DIALOG = 'consent';
export const CONSENT_QUESTION = 'consent.ask';
/** Waiting after a no: nothing is kept (the bot words "talk to a person" for it). */
export const AFTER_NO = 'consent.afterNo';
/** Changes whenever the notice in locales/<lng>/consent.json changes meaning. */
export const CONSENT_NOTICE_VERSION = '2026-11';

export interface ConsentResult {
  consented: boolean;
}

/**
 * The privacy notice and an explicit yes or no. Yes: the consent record is stored. No: nothing
 * about the person is kept (an anonymous count only), they are told other ways to get help, and
 * the dialog stays with them (it ends only on a later yes), so a next message is answered kindly
 * instead of starting over with the welcome. The web chat transcript follows the reply's mark
 * (channelData.consent): a "no" clears it.
 */
export class ConsentDialog extends PersonDialog {
  constructor(
    repo: ReferralRepository,
    private readonly config: DialogConfig,
  ) {
    super(CONSENT_DIALOG, repo);
    this.addDialog(new WaterfallDialog<PersonOptions>(`${CONSENT_DIALOG}.steps`, [(s) => this.ask(s), (s) => this.record(s), (s) => this.changedMind(s)]),
    );
    this.addDialog(new AfterNoDialog());
    this.addDialog(new ConsentQuestion(config));
  }

  private async ask(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    const { serviceName, closedDays } = this.config;
    const privacyUrl = privacyUrlIn(this.config.privacyUrl, turnLanguage(step.context));
    await step.context.sendActivity(renderMessage(t('consent.notice', { serviceName, privacyUrl, closedDays })));
    return step.beginDialog(CONSENT_QUESTION);
  }

  private async record(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const t = turnTranslator(step.context);
    const { personKey } = step.options;
    const channel = step.context.activity.channelId;
    if (step.result === 'yes') return this.consent(step);
    // A crisis message said before this stays for the team (vital interests): say so, not "nothing kept".
    const flaggedUrgent = Boolean((await this.repo.find(personKey))?.urgent);
    await this.repo.countAnonymousDecline(channel);
    await this.repo.withdrawConsent(personKey);
    await this.repo.discardUnconsented(personKey);
    const declined = flaggedUrgent ? t('consent.declinedAfterCrisis') : t('consent.declined');
    const onWebChat = channel === 'webchat' ? `\n${t('consent.declinedWebChat')}` : '';
    await step.context.sendActivity(marked(`${declined}${onWebChat}\n${t('consent.signposting')}`, 'declined'));
    return step.beginDialog(AFTER_NO, { lang: turnLanguage(step.context) } satisfies AfterNoState);
  }

  /** Only a later yes ends the wait after a no. */
  private async changedMind(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    return this.consent(step);
  }

  private async consent(step: WaterfallStepContext<PersonOptions>): Promise<DialogTurnResult> {
    const { personKey } = step.options;
    const channel = step.context.activity.channelId;
    await this.repo.getOrCreate(personKey, channel, turnLanguage(step.context));
    await this.repo.recordConsent(personKey, { noticeVersion: CONSENT_NOTICE_VERSION, channel, answer: 'yes' });
    await step.context.sendActivity(marked(turnTranslator(step.context)('consent.thanks'), 'given'));
    const result: ConsentResult = { consented: true };
    return step.endDialog(result);
  }
}

/** What people ask about the notice before answering, answered from it: `consent.questions.<name>`. */
const NOTICE_QUESTIONS = ['whoSees', 'howLong', 'sayNo'] as const;
type NoticeQuestion = (typeof NOTICE_QUESTIONS)[number];

/** Longer than this, a message is someone telling us something, not asking about the notice. */
const MAX_NOTICE_QUESTION_WORDS = 12;

/** Which question about the notice a message asks ("who sees it?", "pwy sy'n ei weld?"), if any. */
function askedAboutTheNotice(text: string): NoticeQuestion | undefined {
  const padded = ` ${normaliseForMatching(text)} `;
  if (padded.trim().split(' ').length > MAX_NOTICE_QUESTION_WORDS) return undefined;
  return NOTICE_QUESTIONS.find((question) => synonymsFor(`consent.questions.${question}.words`).some((words) => padded.includes(` ${words} `)));
}

/**
 * "Is it OK for us to keep your answers?". A question about the notice asked back ("who sees
 * it?", "what if I say no?") gets its answer from the notice, and the question again: it is neither
 * a yes nor a no. (The general answers, e.g. "who sees" after agreeing, would not be true yet.)
 */
class ConsentQuestion extends ChoiceQuestion<'yes' | 'no'> {
  constructor(private readonly service: DialogConfig) {
    super(CONSENT_QUESTION, {
      textKey: 'consent.ask',
      choices: [choice('yes', 'consent.yes', 'common.choices.yes'), choice('no', 'consent.no', 'common.choices.no')],
    });
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { type, text } = dc.context.activity;
    const asked = type === ActivityTypes.Message && typeof text === 'string' && !this.acceptsAnswer(text) ? askedAboutTheNotice(text) : undefined;
    if (!asked) return super.continueDialog(dc);
    const { serviceName, closedDays } = this.service;
    await dc.context.sendActivity(renderMessage(turnTranslator(dc.context)(`consent.questions.${asked}.answer`, { serviceName, closedDays })));
    await this.repromptDialog(dc.context, dc.activeDialog!);
    return Dialog.EndOfTurn;
  }
}

/** A reply marked with the consent answer it follows, for the channel's transcript (src/channels/directline/transcript.ts). */
function marked(text: string, consent: ConsentMark): ReturnType<typeof renderMessage> {
  return { ...renderMessage(text), channelData: { consent } };
}

interface AfterNoState {
  /** The language they used: their referral, which held it, is gone with their no. */
  lang: Language;
  /** They said "go on" after the no: the consent question was asked again, and waits for its answer. */
  checking?: boolean;
}

/** No list is shown after a no, so a "1" there is not a yes: no number picks these. */
function unnumbered<V extends string>(choice: MatchableChoice<V>): MatchableChoice<V> {
  return { ...choice, number: -1 };
}

/**
 * After a no, only a clear yes changes it: "ok", "fine" or "iawn" there accept the no (they are a
 * yes only to the question itself). A no again, or a yes mixed with an "ok" ("ia iawn", "yeah
 * fine"), matches something else or nothing, so it is never read as a near yes. "Go on (then)" or
 * "carry on" may be a change of mind or only wanting to get on: neither is a clear yes, so the
 * question is asked again.
 */
const NOT_A_CHANGE_OF_MIND = [matchable('no', 'consent.no', 'common.choices.no'), matchable('acknowledged', 'consent.acknowledged')];
const CHANGED_MIND = [
  matchable('yes', 'consent.changedMind'),
  matchable('goOn', 'consent.goOn', 'commands.synonyms.resume'),
  ...NOT_A_CHANGE_OF_MIND,
].map(unnumbered);

/** "Yes, go on": a clear yes said with a "go on" is still a clear yes ("yeah ok, go on" is not). */
const YES_OR_GO_ON = [matchable('yes', 'consent.changedMind', 'consent.goOn', 'commands.synonyms.resume'), ...NOT_A_CHANGE_OF_MIND].map(unnumbered);

/** The consent question's own answers, for when it is asked again after a "go on" (its list is shown then). */
const CONSENT_CHOICES = [matchable('yes', 'consent.yes', 'common.choices.yes'), matchable('no', 'consent.no', 'common.choices.no')];

type AfterNoReading = 'yes' | 'goOn' | 'other';

function readAfterNo(text: string): AfterNoReading {
  const reading = matchChoice(text, CHANGED_MIND);
  if (reading === 'yes' || reading === 'goOn') return reading;
  return reading === undefined && matchChoice(text, YES_OR_GO_ON) === 'yes' ? 'yes' : 'other';
}

/**
 * After a no: waits without keeping anything. A clear yes ends it (the person changed their mind);
 * "go on" asks the consent question again; anything else, an "ok" too, gets a short, kind reply in
 * their language saying how to carry on. It takes "go on" and "carry on" itself: as a command they
 * would say "OK, let's carry on" and then that nothing is kept.
 */
class AfterNoDialog extends Dialog<AfterNoState> implements AnswerRecogniser {
  constructor() {
    super(AFTER_NO);
  }

  acceptsAnswer(text: string, state: object): boolean {
    const checking = Boolean((state as Partial<AfterNoState>).checking);
    return readAfterNo(text) !== 'other' || (checking && matchChoice(text, CONSENT_CHOICES) !== undefined);
  }

  override async beginDialog(dc: DialogContext, options?: AfterNoState): Promise<DialogTurnResult> {
    dc.activeDialog!.state.lang = options?.lang ?? turnLanguage(dc.context);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as AfterNoState;
    this.speakTheirLanguage(dc.context, dc.activeDialog!);
    const text = dc.context.activity.text ?? '';
    const checked = state.checking ? matchChoice(text, CONSENT_CHOICES) : undefined;
    state.checking = false;
    const reading = checked ?? readAfterNo(text);
    if (reading === 'yes') return dc.endDialog('yes');
    if (reading === 'goOn') await this.askAgain(dc.context, state);
    else await this.remind(dc.context);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    this.speakTheirLanguage(context, instance);
    const state = instance.state as AfterNoState;
    if (state.checking) await this.askAgain(context, state);
    else await this.remind(context);
  }

  private speakTheirLanguage(context: TurnContext, instance: DialogInstance): void {
    const lang = (instance.state as Partial<AfterNoState>).lang;
    if (lang) setTurnLanguage(context, lang);
  }

  private async remind(context: TurnContext): Promise<void> {
    await context.sendActivity(renderMessage(turnTranslator(context)('consent.afterDeclined')));
  }

  /** The consent question again, with its buttons, saying why: nothing is kept until a yes to it. */
  private async askAgain(context: TurnContext, state: AfterNoState): Promise<void> {
    const t = turnTranslator(context);
    state.checking = true;
    await context.sendActivity(
      renderQuestion(context.activity.channelId, {
        lead: [t('consent.goOnCheck')],
        text: t('consent.ask'),
        choices: [t('consent.yes.label'), t('consent.no.label')],
        textOnlyHint: t('common.replyWithNumber'),
      }),
    );
  }
}

/** The privacy notice in the person's language: the page is English unless asked for another. */
export function privacyUrlIn(url: string, lang: Language): string {
  return lang === 'en' ? url : `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`;
}
