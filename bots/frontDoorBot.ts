import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import {
  activeQuestionAccepts,
  activeQuestionId,
  AFTER_NO,
  ChangeLanguageDialog,
  CHANGE_LANGUAGE_DIALOG,
  consentIsStale,
  DeleteDataDialog,
  DELETE_DATA_DIALOG,
  hasStoredAnswers,
  isConfirmedRestart,
  isTextOnlyChannel,
  knownTurnLanguage,
  loadTurnLanguage,
  renderMessage,
  RestartConfirmDialog,
  RESTART_CONFIRM_DIALOG,
  RootDialog,
  ROOT_DIALOG,
  setTurnLanguage,
  turnLanguage,
  turnTranslator,
  type DialogConfig,
  type DeleteDataResult,
  type RestartConfirmResult,
  type RootDialogOptions,
} from '../dialogs';
import type { ServiceDirectory } from '../src/directory/directory';
import type { Language } from '../src/i18n';
import { shortKey } from '../src/identity/personKey';
import { withinDeadline } from '../src/store/deadline';
import { detectCrisis } from '../src/nlu/crisis';
import { recogniseCommand, type GlobalCommand } from '../src/nlu/commands';
import type { Recognizer } from '../src/nlu/recognizer';
import type { ReferralRepository } from '../src/referrals';
import type { HandoffDesk } from '../src/handoff/desk';
import { matchChoice, matchable } from '../dialogs/choiceMatching';
import { setTurnDialogConfig } from '../dialogs/commonQuestions';
import { askForPerson, describeWhen } from '../dialogs/handoffRequests';
import { WELLBEING_REPEAT_DIALOG, WellbeingRepeatDialog } from '../dialogs/wellbeingRepeat';
import { crisisActivities } from './crisisReply';
import { DialogMemoryConfiguration } from './dialogMemoryConfiguration';
import { onlySmallTalk } from '../dialogs/greetings';
import { arrivalTime, isDoubleSend, textKey, type LastMessageMemory } from './doubleSend';
import { BotHandoffRequests, HANDOFF_OPENED_THIS_TURN } from './handoffRequests';
import { answerAgeStatement, YoungPersonDialog, YOUNG_PERSON_DIALOG } from '../dialogs/youngPerson';
import { DEFAULT_MINIMUM_AGE } from '../src/nlu/age';

export interface FrontDoorBotDeps {
  conversationState: ConversationState;
  referrals: ReferralRepository;
  config: DialogConfig;
  /** The activity directory, for suggestions after the summary. */
  directory: Pick<ServiceDirectory, 'suggest'>;
  /** Finds categories of need or interest in what people write (for the suggestions). */
  recognizer: Recognizer;
  /** The pseudonymous key for the sender of this activity (see src/identity). */
  personKeyOf: (context: TurnContext) => string;
  /** Operator log: rule ids and short keys only, never what people wrote. */
  log?: (line: string) => void;
  /**
   * Erases what a channel keeps of this conversation (e.g. the web chat transcript) when the
   * person deletes their data. The referral and bot state are erased here either way.
   */
  eraseConversationRecords?: (channelId: string, conversationId: string) => Promise<void>;
  /**
   * Erases a person other than this turn's sender, found through the number they gave: their referral
   * and consent, handoffs, follow-ups, and the conversations their handoffs name (bot state, web chat).
   */
  erasePerson?: (personKey: string) => Promise<void>;
  /**
   * Live handoff to link workers: opened on "talk to a person", on confirm and on crisis; while a
   * link worker holds it the bot relays the person's words and stays silent (crisis check apart).
   */
  handoffs?: { desk: HandoffDesk; timeZone: string };
  /**
   * An extra crisis layer after the local detector (e.g. Azure CLU's crisis intent): either firing
   * means crisis. Returns the rule name when it fires. Never a replacement for the local check.
   */
  extraCrisisCheck?: (text: string, lang: Language) => Promise<string | undefined>;
  /** MINIMUM_AGE (default 18): someone who says they are younger is pointed to Childline. 0: no age check. */
  minimumAge?: number;
  /** Follow-ups after a referral: scheduled on confirm; a reply to a check-in ("1", "2", "3") is answered here. */
  followUps?: FollowUpHooks;
}

export type FollowUpReplyOutcome = { thanks: string } | { wellbeingRepeatFor: string };

export interface FollowUpReplyOptions {
  /** Only a follow-up text sent after this answers (a question of the conversation is waiting too). */
  sentAfter?: Date;
}

export interface FollowUpHooks {
  referralReady(context: TurnContext, personKey: string): Promise<void>;
  /**
   * What to do when this message answers a follow-up text: a thank-you, or the six-week wellbeing
   * questions for the referral it belongs to. Undefined lets the turn go on.
   */
  handleReply(context: TurnContext, personKey: string, text: string, lang: Language, options?: FollowUpReplyOptions): Promise<FollowUpReplyOutcome | undefined>;
  eraseFor(personKey: string): Promise<void>;
  /**
   * Whose follow-up texts this message's number gets, when that is someone other than `personKey`
   * (a web chatter who gave the number): their "delete my data" by text must erase that person.
   */
  numberOwner(context: TurnContext, personKey: string): Promise<string | undefined>;
}

/** Longest message we read. Crisis detection still sees all of it; beyond this a person is asked to shorten. */
export const MAX_MESSAGE_CHARS = 5000;

interface ConversationFlags extends LastMessageMemory {
  paused?: boolean;
  /**
   * The person's language as of the last turn, so an ordinary turn needs no referral read to
   * know it. The referral stays the record; every change of language goes through a turn here.
   */
  lang?: Language;
  /** The person has an open handoff: each turn checks whether a link worker now holds it. */
  handoff?: boolean;
  /** Their handoff was closed since (a link worker finished with them), and no new one is open. */
  handoffFinished?: boolean;
  /**
   * The last message was the crisis reply's offer ("1. Carry on 2. Talk to a person"), so the
   * next message answers it first: over SMS a bare "2" must not go to the question that was waiting.
   */
  /** 'again': the offer was repeated once after words that answered neither choice. */
  crisisOffer?: boolean | 'again';
  /** When the person's last message arrived (ms): a follow-up text sent since is the latest thing they were asked. */
  lastMessageAt?: number;
  /**
   * What a person who consented wrote after their link worker finished, kept until they ask for a
   * link worker again (then it goes into the new handoff). Gone with the bot state.
   */
  saidSinceFinished?: string[];
  /** The last reply asked whether they would like a link worker again: a plain "yes" asks for one. */
  offeredLinkWorkerAgain?: boolean;
}

/** Where a consented person's sent referral stands with the team, read from the stored handoffs. */
type SentReferral = 'withTeam' | 'finished';

/** How many messages are kept for a finished referral until the person asks again (the latest win). */
const MAX_KEPT_MESSAGES = 10;

/** The crisis offer's two choices, by number or by word, in either language. */
const CRISIS_OFFER_CHOICES = [
  matchable('resume' as const, 'crisis.choices.carryOn', 'commands.synonyms.resume'),
  matchable('human' as const, 'crisis.choices.human', 'commands.synonyms.human'),
];

/** Web Chat's channel id (self-hosted Direct Line and Azure's alike): people there send with a button. */
const WEB_CHAT_CHANNEL = 'webchat';

/** "Yes" (or "no") to "Would you like a link worker to get in touch again?". */
const ASK_AGAIN_CHOICES = [matchable('yes' as const, 'common.choices.yes'), matchable('no' as const, 'common.choices.no')];

/** The turn's person key, derived once (an HMAC) however many steps of the turn need it. */
/** A database that answers at all answers in milliseconds: the crisis path waits no longer than this for a read. */
const CRISIS_LANGUAGE_WITHIN_MS = 1_500;
/** A whole message that only checks someone is there, in English or Welsh. */
const CHECKING_IN = /^(hello|helo|hi|hiya|are you (still )?there|you there|still there|wyt ti (dal )?yna|ydych chi (dal )?yna|ti yna)[\s.!]*$/i;
const CRISIS_FLAG_WITHIN_MS = 3_000;
const PERSON_KEY_THIS_TURN = Symbol.for('frontdoor.personKeyThisTurn');
/** The web chatter this turn's number belongs to (null: nobody else), looked up once a turn. */
const NUMBER_OWNER_THIS_TURN = Symbol.for('frontdoor.numberOwnerThisTurn');

/** Set once this turn's crisis support has gone out: a turn that fails later must not leave the person without it. */
export const CRISIS_SUPPORT_SENT = Symbol.for('frontdoor.crisisSupportSent');

/** Set on a turn that erased the person's data: nothing may be written back for it. */
const ERASED_THIS_TURN = Symbol.for('frontdoor.erasedThisTurn');

/**
 * The per-turn pipeline (ARCHITECTURE.md, "One turn"): crisis check on every inbound text
 * first, then global commands, then the dialog stack; state saved at the end of every turn.
 * Nothing domain-specific lives here.
 */
export class FrontDoorBot extends ActivityHandler {
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly flags: StatePropertyAccessor<ConversationFlags>;
  private readonly dialogs: DialogSet;
  private readonly log: (line: string) => void;
  private readonly handoffRequests?: BotHandoffRequests;
  private readonly dialogMemory = new DialogMemoryConfiguration();

  constructor(private readonly deps: FrontDoorBotDeps) {
    super();
    this.log = deps.log ?? ((line) => console.log(line));
    if (deps.handoffs) {
      const followUps = deps.followUps;
      this.handoffRequests = new BotHandoffRequests(deps.handoffs.desk, deps.handoffs.timeZone, this.log, followUps && ((context, personKey) => followUps.referralReady(context, personKey)));
    }
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.flags = deps.conversationState.createProperty<ConversationFlags>('flags');
    this.dialogs = new DialogSet(this.dialogState)
      .add(new RootDialog(deps.referrals, deps.config, { directory: deps.directory, recognizer: deps.recognizer, log: this.log, handoffs: this.handoffRequests }))
      .add(new ChangeLanguageDialog(deps.referrals))
      .add(new DeleteDataDialog(deps.referrals))
      .add(new RestartConfirmDialog(deps.referrals, deps.config))
      .add(new WellbeingRepeatDialog(deps.referrals))
      .add(new YoungPersonDialog(deps.config));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) await this.greet(context);
      await next();
    });
  }

  /** Saves conversation state after every turn, whatever happened in it (eTag-checked). */
  override async run(context: TurnContext): Promise<void> {
    this.dialogMemory.lend(context);
    await this.deps.referrals.duringTurn(this.personKeyOf(context), async () => {
      await super.run(context);
      await this.noteTurnEnded(context);
      await this.rememberLanguage(context);
      await this.deps.conversationState.saveChanges(context, false);
    });
    this.dialogMemory.keep(context);
  }

  /** For telling a double tap from a new message; nothing is written if the turn erased the state. */
  private async noteTurnEnded(context: TurnContext): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return;
    const flags = await this.flags.get(context);
    if (flags?.lastTextKey !== undefined) flags.lastTurnEndedAt = Date.now();
  }

  private personKeyOf(context: TurnContext): string {
    let key = context.turnState.get(PERSON_KEY_THIS_TURN) as string | undefined;
    if (key === undefined) {
      key = this.deps.personKeyOf(context);
      context.turnState.set(PERSON_KEY_THIS_TURN, key);
    }
    return key;
  }

  private async rememberLanguage(context: TurnContext): Promise<void> {
    if (context.turnState.get(ERASED_THIS_TURN)) return;
    if (context.turnState.get(HANDOFF_OPENED_THIS_TURN)) {
      const flags = await this.flags.get(context, {});
      flags.handoff = true;
      flags.handoffFinished = undefined;
    }
    const lang = knownTurnLanguage(context);
    if (!lang) return;
    const flags = await this.flags.get(context, {});
    if (flags.lang !== lang) flags.lang = lang;
  }

  private async greet(context: TurnContext): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) return;
    const personKey = this.personKeyOf(context);
    const flags = await this.flags.get(context, {});
    await dc.beginDialog(ROOT_DIALOG, this.rootOptions(personKey, flags, await this.sentReferral(personKey)));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    // Any question may be answered with a question back ("how long will it take?"), which needs the configuration.
    setTurnDialogConfig(context, this.deps.config);
    const text = (context.activity.text ?? '').trim();
    const personKey = this.personKeyOf(context);

    // 1. Safety first: every inbound text, in every state, before anything else.
    const crisis = detectCrisis(text);
    if (crisis.crisis) {
      await this.respondToCrisis(context, personKey, text, crisis.rule ?? 'unknown', crisis.kind ?? 'unknown');
      return;
    }

    const dc = await this.dialogs.createContext(context);
    const flags = await this.flags.get(context, {});
    const key = textKey(text);
    const arrivedAt = arrivalTime(context.activity.timestamp);
    if (text && isDoubleSend(flags, key, arrivedAt, context.activity.channelId === WEB_CHAT_CHANNEL)) return;
    flags.lastTextKey = key;
    flags.lastArrivedAt = arrivedAt;
    const previousMessageAt = flags.lastMessageAt;
    flags.lastMessageAt = Date.now();
    // A text from the number a web chatter gave speaks for them, in the language they chose.
    const owner = await this.numberOwnerOf(context, personKey);
    if (owner) await loadTurnLanguage(context, this.deps.referrals, owner);
    else if (flags.lang) setTurnLanguage(context, flags.lang);
    else await loadTurnLanguage(context, this.deps.referrals, personKey);
    const t = turnTranslator(context);
    // A welcome begun here before the number was known to be theirs: they are not a new person.
    if (owner && dc.activeDialog?.id === ROOT_DIALOG) await dc.cancelAllDialogs();

    // 1b. Any extra crisis layer (Azure CLU), which needs the person's language.
    const extraRule = text ? await this.extraCrisisRule(text, turnLanguage(context)) : undefined;
    if (extraRule) {
      await this.respondToCrisis(context, personKey, text, extraRule, 'extra');
      return;
    }

    // 1c. Just after the crisis reply, "1" / "2" (or the words) answer its offer, before any question.
    if (flags.crisisOffer) {
      const offeredAgain = flags.crisisOffer === 'again';
      flags.crisisOffer = undefined;
      const choice = matchChoice(text, CRISIS_OFFER_CHOICES);
      if (choice) {
        await this.runCommand(dc, { name: choice }, personKey, flags);
        return;
      }
      // "hello? are you there?" straight after the crisis reply is not an answer to the question left
      // waiting: say the bot is still here and offer the choice once more (once, so nobody is held here).
      // Anything else (a score, a sentence that is not a question) still answers the waiting question.
      const notAnAnswer = /\?\s*$/.test(text) || CHECKING_IN.test(text);
      if (!offeredAgain && text && notAnAnswer && !recogniseCommand(text, turnLanguage(context))) {
        const [, offer] = crisisActivities(t, this.deps.config.serviceName, isTextOnlyChannel(context.activity.channelId));
        await context.sendActivity(renderMessage(t('crisis.stillHere')));
        await context.sendActivity(offer);
        flags.crisisOffer = 'again';
        return;
      }
    }

    // 1d. An answer to a follow-up text ("1", "2" or "3"; "yes" to the wellbeing questions). When a
    // question waiting here takes these words too (e.g. a wellbeing score of 1), whichever the person
    // was asked last wins: the follow-up only if it was sent after their last message.
    const questionTakesIt = text.length > 0 && activeQuestionAccepts(dc, text);
    if (text && this.deps.followUps && (!questionTakesIt || previousMessageAt !== undefined)) {
      const options = questionTakesIt ? { sentAfter: new Date(previousMessageAt!) } : {};
      const outcome = await this.deps.followUps.handleReply(context, personKey, text, turnLanguage(context), options);
      if (outcome && 'thanks' in outcome) {
        await context.sendActivity(renderMessage(outcome.thanks));
        return;
      }
      if (outcome) {
        flags.paused = false;
        await dc.cancelAllDialogs();
        await dc.beginDialog(WELLBEING_REPEAT_DIALOG, { personKey: outcome.wellbeingRepeatFor });
        return;
      }
    }

    // 2a. A text from the number a web chatter gave, while a link worker holds their chat: it goes to the link worker.
    if (await this.relayedForNumberOwner(context, personKey, text)) return;

    // 2. A link worker holds the conversation: their words go to the link worker; the bot is quiet.
    if ((flags.handoff || owner) && this.deps.handoffs) {
      const status = await this.deps.handoffs.desk.activeStatusFor(owner ?? personKey);
      if (!status && !flags.handoff) {
        // The owner's handoff is not held: nothing to watch for.
      } else if (!status) {
        // Closed since. The first message answers the link worker's goodbye, not the question that was
        // waiting: a command is acted on (below), anything else picks up that question again.
        flags.handoff = false;
        flags.handoffFinished = true;
        flags.paused = true;
      } else if (status === 'claimed') {
        flags.paused = true;
        if (text) await this.deps.handoffs.desk.relay(owner ?? personKey, text.slice(0, MAX_MESSAGE_CHARS));
        await this.answerWhileHeld(dc, text, personKey, flags);
        return;
      }
    }

    if (text.length === 0) {
      await context.sendActivity(renderMessage(t('common.needText')));
      await this.askAgain(dc, flags);
      return;
    }
    if (text.length > MAX_MESSAGE_CHARS) {
      await context.sendActivity(renderMessage(t('common.tooLong')));
      await this.askAgain(dc, flags);
      return;
    }

    // 2b. Someone saying they are under the minimum age: Childline, and nothing they wrote is stored.
    const ageCheck = { referrals: this.deps.referrals, minimumAge: this.deps.minimumAge ?? DEFAULT_MINIMUM_AGE, log: this.log };
    if (await answerAgeStatement(dc, personKey, text, ageCheck)) return;

    // 3. Global commands, unless the question waiting takes these words as its answer.
    const command = questionTakesIt ? null : recogniseCommand(text, turnLanguage(context), { waitingQuestion: activeQuestionId(dc) });
    if (command) {
      await this.runCommand(dc, command, personKey, flags);
      return;
    }
    if (flags.paused && !owner) {
      // Back after "stop": pick up the question that was waiting rather than read this as its answer.
      await this.carryOn(dc, personKey, flags, text);
      return;
    }
    flags.paused = false;

    // 4. The conversation itself.
    const result = await dc.continueDialog();
    await this.afterDialogTurn(context, result.result);
    const askedInstead = (result.result as RestartConfirmResult | undefined)?.then;
    if (isConfirmedRestart(result.result)) await this.startAgain(dc, personKey, result.result.consentAgain);
    else if (askedInstead) await this.runCommand(dc, { name: askedInstead }, personKey, flags);
    else if (result.status === DialogTurnStatus.empty) await this.beginRoot(dc, personKey, flags, {}, text);
  }

  /**
   * The conversation from the start, or where it stands. A number a web chatter gave is not a new
   * person: no welcome, language or consent for it, but where their referral stands. `said` is this
   * turn's message when nothing else took it: after the referral went, it is passed on, not dropped.
   */
  private async beginRoot(dc: DialogContext, personKey: string, flags: ConversationFlags, options: Partial<RootDialogOptions> = {}, said?: string): Promise<void> {
    const owner = this.numberOwnerThisTurn(dc.context);
    const offeredAgain = flags.offeredLinkWorkerAgain;
    flags.offeredLinkWorkerAgain = undefined;
    if (offeredAgain && said && matchChoice(said, ASK_AGAIN_CHOICES) === 'yes') {
      await this.runCommand(dc, { name: 'human' }, personKey, flags);
      return;
    }
    const sent = await this.sentReferral(owner ?? personKey);
    if (sent && said && !onlySmallTalk(said)) {
      await this.takeWordsAfterReferral(dc.context, owner ?? personKey, sent, said, flags);
      return;
    }
    if (!owner) {
      await dc.beginDialog(ROOT_DIALOG, { ...this.rootOptions(personKey, flags, sent), ...options });
      return;
    }
    const held = await this.deps.handoffs?.desk.activeStatusFor(owner);
    const key = held ? 'root.alreadySent' : 'root.handoffFinished';
    await dc.context.sendActivity(renderMessage(turnTranslator(dc.context)(key, { serviceName: this.deps.config.serviceName })));
  }

  /**
   * The web chatter whose number this text comes from, when that is someone else than this
   * conversation's own person, and this conversation has no referral of its own under way.
   */
  private async numberOwnerOf(context: TurnContext, personKey: string): Promise<string | undefined> {
    const known = context.turnState.get(NUMBER_OWNER_THIS_TURN) as string | null | undefined;
    if (known !== undefined) return known ?? undefined;
    const owner = await this.deps.followUps?.numberOwner(context, personKey);
    const linked = owner && owner !== personKey && !(await this.deps.referrals.find(personKey))?.consent ? owner : undefined;
    context.turnState.set(NUMBER_OWNER_THIS_TURN, linked ?? null);
    return linked;
  }

  private numberOwnerThisTurn(context: TurnContext): string | undefined {
    return (context.turnState.get(NUMBER_OWNER_THIS_TURN) as string | null | undefined) ?? undefined;
  }

  /**
   * A person whose referral is with the team is told where it stands: a finished handoff is not "will be
   * in touch". The stored handoffs decide (bot state, and its flag, is gone after a month).
   */
  private rootOptions(personKey: string, flags: ConversationFlags, sent: SentReferral | undefined): RootDialogOptions {
    return { personKey, handoffFinished: sent ? sent === 'finished' : flags.handoffFinished };
  }

  /**
   * Where a consented person's sent (ready) referral stands, from the stored handoffs: one still
   * open or claimed, or none (a link worker closed it). Undefined when no referral went, or without handoffs.
   */
  private async sentReferral(personKey: string): Promise<SentReferral | undefined> {
    if (!this.deps.handoffs) return undefined;
    const referral = await this.deps.referrals.find(personKey);
    if (!referral?.consent || referral.status !== 'ready') return undefined;
    return (await this.deps.handoffs.desk.activeStatusFor(personKey)) ? 'withTeam' : 'finished';
  }

  /**
   * New words after the referral went are not dropped. With a handoff open they go into it, where the
   * link worker reads them; once the link worker has finished, they are kept for the next handoff and
   * the person is offered one.
   */
  private async takeWordsAfterReferral(context: TurnContext, speaker: string, sent: SentReferral, said: string, flags: ConversationFlags): Promise<void> {
    const t = turnTranslator(context);
    const serviceName = this.deps.config.serviceName;
    const words = said.slice(0, MAX_MESSAGE_CHARS);
    if (sent === 'withTeam') {
      await this.passOnKeptWords(context, speaker);
      // False when it closed in the moment since it was read: then the words are kept as for a finished one.
      if (await this.deps.handoffs!.desk.relay(speaker, words)) {
        flags.handoff = true;
        await context.sendActivity(renderMessage(t('root.passedOn', { serviceName })));
        return;
      }
    }
    flags.saidSinceFinished = [...(flags.saidSinceFinished ?? []), words].slice(-MAX_KEPT_MESSAGES);
    flags.offeredLinkWorkerAgain = true;
    await context.sendActivity(renderMessage(t('root.handoffFinishedAskAgain', { serviceName })));
  }

  /**
   * The words kept since the link worker finished go into the person's new handoff (opened this turn,
   * or since, e.g. by a "3, I'd like help" reply), for the next link worker.
   */
  private async passOnKeptWords(context: TurnContext, speaker: string): Promise<void> {
    if (!this.deps.handoffs) return;
    // Also after crisis support has gone out, with the database perhaps failing: logged, never thrown.
    try {
      const flags = await this.flags.get(context, {});
      const kept = flags.saidSinceFinished;
      if (kept?.length && (await this.deps.handoffs.desk.passOnEarlier(speaker, kept))) flags.saidSinceFinished = undefined;
    } catch (error) {
      this.log(`handoff: could not pass on what was said since: ${(error as Error).message}`);
    }
  }

  /**
   * While a link worker holds the conversation the bot stays quiet, except that what it promised
   * still works: "delete my data" (and its confirmation), and "help"; any other command is told
   * that a person is reading (the link worker sees the words either way).
   */
  private async answerWhileHeld(dc: DialogContext, text: string, personKey: string, flags: ConversationFlags): Promise<void> {
    if (dc.activeDialog?.id === DELETE_DATA_DIALOG) {
      const result = await dc.continueDialog();
      await this.afterDialogTurn(dc.context, result.result);
      return;
    }
    const command = text ? recogniseCommand(text, turnLanguage(dc.context)) : null;
    if (!command) return;
    const t = turnTranslator(dc.context);
    if (command.name === 'delete') {
      const result = await dc.beginDialog(DELETE_DATA_DIALOG, { personKey });
      await this.afterDialogTurn(dc.context, result.result);
    } else if (command.name === 'help') {
      await dc.context.sendActivity(renderMessage(`${t('commands.help')}\n${t('root.withLinkWorker')}`));
    } else {
      await dc.context.sendActivity(renderMessage(t('root.withLinkWorker')));
    }
    flags.paused = true;
  }

  /** Commands still work by text; anything else from the number reaches the link worker holding its owner's chat. */
  private async relayedForNumberOwner(context: TurnContext, personKey: string, text: string): Promise<boolean> {
    if (!text || !this.deps.handoffs || !this.deps.followUps || recogniseCommand(text, turnLanguage(context))) return false;
    const owner = await this.deps.followUps.numberOwner(context, personKey);
    if (!owner || owner === personKey || (await this.deps.handoffs.desk.activeStatusFor(owner)) !== 'claimed') return false;
    await this.deps.handoffs.desk.relay(owner, text.slice(0, MAX_MESSAGE_CHARS));
    return true;
  }

  private async extraCrisisRule(text: string, lang: Language): Promise<string | undefined> {
    if (!this.deps.extraCrisisCheck) return undefined;
    try {
      return await this.deps.extraCrisisCheck(text, lang);
    } catch (error) {
      this.log(`crisis: the extra crisis check failed (${(error as Error).message}); the local detector still ran`);
      return undefined;
    }
  }

  private async respondToCrisis(context: TurnContext, personKey: string, text: string, rule: string, kind: string): Promise<void> {
    this.log(`crisis: rule ${rule} (${kind}) fired for ${shortKey(personKey)} on ${context.activity.channelId}`);
    const lang = await this.crisisLanguage(context, personKey, rule);
    const t = turnTranslator(context);
    // Support goes out before anything that could fail; the person's place is kept as it was.
    const [support, offer] = crisisActivities(t, this.deps.config.serviceName, isTextOnlyChannel(context.activity.channelId), kind);
    await context.sendActivity(support);
    context.turnState.set(CRISIS_SUPPORT_SENT, true);
    // From the number a web chatter gave: their referral is flagged, and their link worker told.
    const speaker = this.numberOwnerThisTurn(context) ?? personKey;
    const withPerson = this.deps.handoffs
      ? await withinDeadline(this.deps.handoffs.desk.heldFor(speaker), CRISIS_LANGUAGE_WITHIN_MS, 'reading the handoff').catch(() => null)
      : null;
    try {
      // Bounded: with the database silent, the turn ends (and the support reaches the person) in seconds.
      await withinDeadline(this.deps.referrals.markUrgent(speaker, rule, context.activity.channelId, lang), CRISIS_FLAG_WITHIN_MS, 'flagging as urgent');
    } catch (error) {
      this.log(`crisis: could not flag ${shortKey(personKey)} as urgent: ${(error as Error).message}`);
      throw error;
    }
    // An urgent handoff, with the message that raised it, so a person sees it first in the queue.
    const at = new Date();
    const answer = await this.handoffRequests?.request(context, speaker, 'crisis', { rule, message: text, at });
    await this.passOnKeptWords(context, speaker);
    if (withPerson) await this.deps.handoffs?.desk.relay(speaker, text.slice(0, MAX_MESSAGE_CHARS)).catch(() => false);
    // "I've told the team" must not suggest someone will see it soon when nobody is at work.
    if (answer && !answer.onDuty) {
      const when = describeWhen(answer.nextOnDuty, lang, this.deps.handoffs!.timeZone, answer.askedAt);
      await context.sendActivity(renderMessage(t('crisis.offDuty', { when })));
    }
    // Someone already talking with a link worker is not offered one.
    if (!withPerson) {
      await context.sendActivity(offer);
      (await this.flags.get(context, {})).crisisOffer = true;
    }
  }

  /** The person's language; before they have chosen one, Welsh if their words were (a Welsh rule fired). */
  private async crisisLanguage(context: TurnContext, personKey: string, rule: string): Promise<Language> {
    try {
      // From the number a web chatter gave: their language.
      const speaker = async () => (await this.numberOwnerOf(context, personKey)) ?? personKey;
      const languageKey = await withinDeadline(speaker(), CRISIS_LANGUAGE_WITHIN_MS, 'reading the language');
      const lang = await withinDeadline(loadTurnLanguage(context, this.deps.referrals, languageKey), CRISIS_LANGUAGE_WITHIN_MS, 'reading the language');
      if (lang === 'cy' || !rule.startsWith('cy.')) return lang;
      const referral = await withinDeadline(this.deps.referrals.find(languageKey), CRISIS_LANGUAGE_WITHIN_MS, 'reading the language');
      if (referral?.languageChosen) return lang;
    } catch (error) {
      // The database is down or silent: support must still go out, so guess the language rather than wait.
      this.log(`crisis: could not read the person's language (${(error as Error).message}); support goes out anyway`);
      if (!rule.startsWith('cy.')) {
        const guess = turnLanguage(context);
        setTurnLanguage(context, guess);
        return guess;
      }
    }
    setTurnLanguage(context, 'cy');
    return 'cy';
  }

  private async runCommand(dc: DialogContext, command: GlobalCommand, personKey: string, flags: ConversationFlags): Promise<void> {
    const context = dc.context;
    const t = turnTranslator(context);
    const serviceName = this.deps.config.serviceName;
    switch (command.name) {
      case 'help':
        await context.sendActivity(renderMessage(t('commands.help')));
        await this.askAgain(dc, flags);
        return;
      case 'stop':
        flags.paused = true;
        await context.sendActivity(renderMessage(t('commands.stop.done')));
        return;
      case 'resume':
        await this.carryOn(dc, personKey, flags);
        return;
      case 'restart':
        flags.paused = false;
        // Their answers are in the web chat they gave this number in: nothing to start again by text.
        if (this.numberOwnerThisTurn(context)) {
          await this.beginRoot(dc, personKey, flags);
          return;
        }
        await this.restartOrConfirm(dc, personKey);
        return;
      case 'human': {
        // By text from the number a web chatter gave, it is asked for them.
        const asker = this.numberOwnerThisTurn(context) ?? personKey;
        this.log(`handoff requested by ${shortKey(asker)} on ${context.activity.channelId}`);
        const nothingWaiting = await this.nothingWaiting(dc, asker);
        await askForPerson(context, asker, this.deps.referrals, this.handoffRequests, serviceName, humanDoneKey(dc, nothingWaiting));
        await this.passOnKeptWords(context, asker);
        if (nothingWaiting) return;
        // A first message: the welcome (a bot, not for emergencies) and its question follow.
        if (!dc.activeDialog) await dc.beginDialog(ROOT_DIALOG, { personKey });
        else await this.askAgain(dc, flags);
        return;
      }
      case 'language': {
        flags.paused = false;
        const target = this.numberOwnerThisTurn(context) ?? personKey;
        const result = await dc.beginDialog(CHANGE_LANGUAGE_DIALOG, { personKey: target, target: command.target });
        if (result.status === DialogTurnStatus.complete && !dc.activeDialog) await this.beginRoot(dc, personKey, flags);
        return;
      }
      case 'delete': {
        // The confirmation is asked now: its answer must not be taken as "back after stop".
        flags.paused = false;
        const result = await dc.beginDialog(DELETE_DATA_DIALOG, { personKey });
        await this.afterDialogTurn(context, result.result);
        return;
      }
    }
  }

  /**
   * "Start again" clears the stored answers, so with answers stored it asks first (yes/no); with
   * nothing stored it starts again at once. After a day with nothing stored, or after a "no" to
   * consent, the phone may be in other hands: the privacy notice and consent come again too.
   */
  private async restartOrConfirm(dc: DialogContext, personKey: string): Promise<void> {
    const referral = await this.deps.referrals.find(personKey);
    const consentAgain = consentIsStale(referral) || innermostDialogId(dc) === AFTER_NO;
    // A sent referral is kept while the team has it; once its handoff is closed, starting again is a new one.
    const handoffFinished = (await this.sentReferral(personKey)) === 'finished';
    if (hasStoredAnswers(referral)) await dc.beginDialog(RESTART_CONFIRM_DIALOG, { personKey, consentAgain, handoffFinished });
    else await this.startAgain(dc, personKey, consentAgain);
  }

  /** Answers cleared (consent and language kept, unless consent is to be asked again), questions from the start. */
  private async startAgain(dc: DialogContext, personKey: string, consentAgain = false): Promise<void> {
    await dc.cancelAllDialogs();
    await dc.context.sendActivity(renderMessage(turnTranslator(dc.context)('commands.restart.done')));
    await dc.beginDialog(ROOT_DIALOG, { personKey, restart: true, consentAgain });
  }

  /**
   * Asks the waiting question again. That ends a pause: the person has the question in front of
   * them, so their next message is its answer (not dropped with "OK, let's carry on").
   */
  /** "Carry on" (or any message after "stop"): the waiting question again, or the conversation from where the answers stop. */
  private async carryOn(dc: DialogContext, personKey: string, flags: ConversationFlags, said?: string): Promise<void> {
    flags.paused = false;
    // After a finished handoff with nothing waiting, there is nothing to carry on with: the welcome back says where things stand.
    const nothingToCarryOn = flags.handoffFinished || this.numberOwnerThisTurn(dc.context);
    if (dc.activeDialog || !nothingToCarryOn) await dc.context.sendActivity(renderMessage(turnTranslator(dc.context)('commands.resume.done')));
    if (dc.activeDialog) await dc.repromptDialog();
    else await this.beginRoot(dc, personKey, flags, {}, said);
  }

  /**
   * No question is waiting and none will follow: the referral is already with the team (or it is
   * a text from the number a web chatter gave), so "talk to a person" must not say "carry on".
   */
  private async nothingWaiting(dc: DialogContext, personKey: string): Promise<boolean> {
    if (dc.activeDialog) return false;
    if (this.numberOwnerThisTurn(dc.context)) return true;
    return (await this.deps.referrals.find(personKey))?.status === 'ready';
  }

  private async askAgain(dc: DialogContext, flags: ConversationFlags): Promise<void> {
    if (!dc.activeDialog) return;
    flags.paused = false;
    await dc.repromptDialog();
  }

  /** After an erasure nothing of the conversation may remain, bot state included. */
  private async afterDialogTurn(context: TurnContext, result: unknown): Promise<void> {
    if ((result as DeleteDataResult | undefined)?.erased) {
      context.turnState.set(ERASED_THIS_TURN, true);
      const personKey = this.personKeyOf(context);
      // Found before anything is erased: the follow-up contacts are how the number leads to its owner.
      const owner = await this.deps.followUps?.numberOwner(context, personKey);
      await this.deps.conversationState.delete(context);
      await this.deps.eraseConversationRecords?.(context.activity.channelId, context.activity.conversation.id);
      // Their handoffs too (summary, transcript, risk flags); the audit log keeps who did what, not what was said.
      await this.deps.handoffs?.desk.eraseFor(personKey);
      await this.deps.followUps?.eraseFor(personKey);
      // A reply to a follow-up text speaks for the person who gave the number (e.g. in web chat).
      if (owner && owner !== personKey) await this.deps.erasePerson?.(owner);
      this.log(`erasure done for a person on ${context.activity.channelId}`);
    }
  }
}

/** Only greeting, thanking or saying goodbye: nothing a link worker needs to read. */

/** What "talk to a person" answers: after a no, what is kept; with nothing waiting, no "carry on with my questions". */
function humanDoneKey(dc: DialogContext, nothingWaiting: boolean): string {
  if (innermostDialogId(dc) === AFTER_NO) return 'commands.human.doneAfterNo';
  if (innermostDialogId(dc) === YOUNG_PERSON_DIALOG) return 'root.youngPerson.humanDone';
  return nothingWaiting ? 'commands.human.doneNothingWaiting' : 'commands.human.done';
}

/** The dialog waiting for the person's next message, however deep in the stack. */
function innermostDialogId(dc: DialogContext): string | undefined {
  let inner = dc;
  while (inner.child) inner = inner.child;
  return inner.activeDialog?.id;
}
