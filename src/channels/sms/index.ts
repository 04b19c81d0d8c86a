import { randomUUID } from 'node:crypto';
import type { ActivityHandlerBase, ChannelAccount, ConversationReference, TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import type { Server } from 'restify';
import { crisisSupportText } from '../../nlu/crisis/support';
import { translator, type Language } from '../../i18n';
import { shortKey } from '../../identity/personKey';
import { detectCrisis } from '../../nlu/crisis';
import { getOrCreateSecret } from '../../store';
import { SMS_CHANNEL_ID, SMS_SERVICE_URL, SmsAdapter, type DeliveryResult, type SmsReply } from './adapter';
import type { SmsConfig } from './config';
import { recogniseKeyword, type KeywordMatch } from './keywords';
import { SmsPeople } from './people';
import { splitForSms, plainText } from './render';
import { registerSmsRoutes, type InboundSms } from './routes';
import { DEFAULT_RETRY, TwilioSender, type RetryPolicy, type TextSender } from './sender';
import { SmsCollections, SmsStore, TEXT_CLAIM_LEASE_MS, UNHANDLED_TEXT_HOURS, type DeliveryStatus, type UnhandledText } from './store';

export { SmsAdapter, SMS_CHANNEL_ID, SMS_SERVICE_URL, isSmsReference, type DeliveryResult, type DeliverOptions, type SmsReply } from './adapter';
export { readSmsConfig, SmsConfigError, SMS_VARIABLES, type SmsConfig } from './config';
export { countSegments, fitsSegments, isGsmCharacter, type SegmentCount, type SmsEncoding } from './gsm';
export { recogniseKeyword, keywordWords, type SmsKeyword } from './keywords';
export { activityText, plainText, renderSms, splitForSms, segmentBudget, MAX_SEGMENTS_PER_TEXT, SEGMENT_BUDGET, UCS2_SEGMENT_BUDGET } from './render';
export { EMPTY_TWIML, registerSmsRoutes, SMS_STATUS_PATH, SMS_WEBHOOK_PATH, type SmsRouteDeps } from './routes';
export { DEFAULT_RETRY, TwilioSender, type RetryPolicy, type SendOutcome, type TextSender } from './sender';
export {
  INBOUND_RETENTION_DAYS,
  OUTBOUND_RETENTION_DAYS,
  PENDING_TEXT_HOURS,
  TEXT_CLAIM_LEASE_MS,
  UNHANDLED_TEXT_HOURS,
  SmsCollections,
  SmsStore,
  canonicalNumber,
  type DeliveryStatus,
  type OutboundRecord,
  type PendingText,
  type UnhandledText,
} from './store';

/** Start-ups that may take up a text again: one that crashes the app each time must not do so forever. */
export const MAX_REPLAYS = 3;
/**
 * How often a running app looks for texts stored but never queued (their webhook failed after the
 * write, say), and how old one must be: well past the moment between storing a text and queuing it.
 */
export const UNHANDLED_SWEEP_MS = 5 * 60_000;
export const UNHANDLED_MIN_AGE_MS = 2 * 60_000;

const FINAL_STATUSES = new Set<DeliveryStatus>(['delivered', 'undelivered', 'failed', 'read', 'canceled']);

/**
 * Whether the person behind a number key has opted out of texts (STOP and not START since).
 * For the follow-up scheduler and anything else that texts people outside a conversation.
 */
export async function isOptedOut(db: Db, numberKey: string): Promise<boolean> {
  const doc = await db.collection<{ _id: string; optedOut?: boolean }>(SmsCollections.optOuts).findOne({ _id: numberKey });
  return doc?.optedOut === true;
}

/**
 * The number key of a phone number, without the channel (e.g. in a worker process): the same
 * HMAC the channel uses, from the secret it keeps in the database.
 */
export async function numberKeyFor(db: Db, number: string): Promise<string> {
  return new SmsStore(db, await getOrCreateSecret(db, SECRET_NAMES.numberKey), Buffer.alloc(32)).numberKey(number);
}

const SECRET_NAMES = { numberKey: 'smsNumberKey', numberCipher: 'smsNumberCipher' } as const;

/**
 * The SMS part of the retention job: MessageSids after INBOUND_RETENTION_DAYS, delivery records
 * after OUTBOUND_RETENTION_DAYS, kept texts after PENDING_TEXT_HOURS. Returns counts only.
 */
export function purgeSmsRecords(db: Db, now = new Date()): Promise<{ inbound: number; outbound: number }> {
  // Purging reads no number or text, so no keys are needed.
  return new SmsStore(db, Buffer.alloc(32), Buffer.alloc(32)).purge(now);
}

export interface SmsChannelDeps {
  db: Db;
  config: SmsConfig;
  /** The same bot as the other channels. */
  bot: Pick<ActivityHandlerBase, 'run'>;
  /** Named in the HELP reply and keyword confirmations. */
  serviceName: string;
  botAccount?: ChannelAccount;
  log?: (line: string) => void;
  /** Retries of Twilio REST calls (tests shorten the waits). */
  retry?: RetryPolicy;
  /**
   * Waits before sending a text again after Twilio reports it undelivered for a passing reason
   * (handset unreachable, network congestion); one entry per re-send. Default: 1 minute, then 10.
   */
  resendDelaysMs?: number[];
  /** How often to look for texts stored but never queued while running (default UNHANDLED_SWEEP_MS). */
  unhandledSweepMs?: number;
  /** Another way to send (default: the twilio client). */
  sender?: TextSender;
  /** Called when a turn fails, as CloudAdapter.onTurnError (e.g. to say "something went wrong"). */
  onTurnError?: (context: TurnContext, error: Error) => Promise<void>;
}

/**
 * Twilio error codes of delivery failures that may pass: queue overflow (30001), unreachable
 * handset (30003, e.g. switched off), unknown error (30008), missing segment (30009), network
 * congestion (30017). Others (landline, unknown or blocked number, filtered) would fail again.
 */
export const TRANSIENT_DELIVERY_ERRORS = new Set(['30001', '30003', '30008', '30009', '30017']);
export const DEFAULT_RESEND_DELAYS_MS = [60_000, 600_000];

/** Where a proactive text goes: a number key (from a conversation) or a number (e.g. one a person gave in a referral). */
export type SmsTarget = { numberKey: string } | { number: string };

export interface SmsChannel {
  adapter: SmsAdapter;
  store: SmsStore;
  /** Adds POST /api/sms/twilio and /api/sms/twilio/status to a restify server (before it listens). */
  register(server: Server): void;
  /** The number key of a phone number (what the opt-out and delivery records are keyed by). */
  numberKey(number: string): string;
  isOptedOut(numberKey: string): Promise<boolean>;
  /** A proactive text (follow-ups, link-worker messages): rendered and split like replies; never after STOP. */
  sendTo(target: SmsTarget, text: string): Promise<DeliveryResult>;
  /**
   * "Delete my data" on SMS: forgets the number and its delivery records (an opt-out stays: it
   * protects the person). Asked during that person's turn, it waits until the turn's last text
   * (the confirmation) has gone, since sending needs the number.
   */
  eraseConversation(conversationId: string): Promise<void>;
  /** The reference for continueConversationAsync into the conversation of a number key. */
  referenceFor(numberKey: string): Partial<ConversationReference>;
  /** Resolves when every inbound text taken so far has been answered (tests, shutdown). */
  idle(): Promise<void>;
  /** Stops taking texts (503, so Twilio retries elsewhere) and waits for turns in flight, up to the grace period. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The keyword a text is, except HELP straight after a check-in: there "help" (or "Cymorth") is
 * the check-in's option 3, "I'd like help", so it goes to the bot, which asks a link worker.
 */
async function keywordIn(text: string, awaitsCheckInAnswer: () => Promise<boolean>): Promise<KeywordMatch | undefined> {
  const keyword = recogniseKeyword(text);
  if (keyword?.keyword === 'help' && (await awaitsCheckInAnswer())) return undefined;
  return keyword;
}

/** What a turn needs of an inbound text (a text taken up again after a restart has no number, only its key). */
type TakenText = Pick<InboundSms, 'MessageSid' | 'Body'>;

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The SMS channel over Twilio: adapter, stores, keyword handling and webhook routes. */
export async function createSmsChannel(deps: SmsChannelDeps): Promise<SmsChannel> {
  const log = deps.log ?? ((line: string) => console.log(line));
  const store = new SmsStore(deps.db, await getOrCreateSecret(deps.db, SECRET_NAMES.numberKey), await getOrCreateSecret(deps.db, SECRET_NAMES.numberCipher));
  const sender = deps.sender ?? new TwilioSender(deps.config, deps.retry ?? DEFAULT_RETRY);
  const botAccount: ChannelAccount = { id: 'front-door', name: deps.serviceName, ...deps.botAccount, role: 'bot' };
  const adapter = new SmsAdapter({ store, sender, bot: botAccount, log });
  if (deps.onTurnError) adapter.onTurnError = deps.onTurnError;
  const serviceName = deps.serviceName;

  const people = await SmsPeople.create(deps.db);
  const keywordOf = (text: string, numberKey: string) => keywordIn(text, () => people.awaitsCheckInAnswer(numberKey));

  const keywordReply = (numberKey: string, lang: Language, key: 'optedOut' | 'optedIn' | 'help' | 'helpOptedOut', evenIfOptedOut = false): SmsReply[] =>
    splitForSms(plainText(translator(lang)(`sms.${key}`, { serviceName }))).map((text) => ({ numberKey, text, evenIfOptedOut }));
  /** Keyword replies go in the person's stored language; the keyword's own language for someone new. */
  const replyLanguage = async (numberKey: string, keyword: KeywordMatch): Promise<Language> => (await people.languageOf(numberKey)) ?? keyword.lang;

  /** Who this process is, in claims on texts (so two processes on one database never run the same text). */
  const claimant = randomUUID();

  /**
   * Sends a text's replies, recording them first: once recorded, its turn counts as done and a
   * replay after a crash sends only those not yet sent (`from` on). The one window left: a crash
   * after Twilio took a reply and before it was counted sends that reply once more.
   */
  const sendRepliesTo = (messageSid: string) => async (replies: SmsReply[], from = 0): Promise<DeliveryResult[]> => {
    const note = (what: string) => (error: unknown) => log(`sms: ${what} not recorded: ${errorText(error)}`);
    // Not recording them must not stop them going: the person is waiting.
    if (from === 0) await store.recordReplies(messageSid, replies).catch(note('a turn\'s replies'));
    const results: DeliveryResult[] = [];
    for (const reply of replies.slice(from)) {
      results.push(...(await adapter.sendReplies([reply])));
      await store.countReplySent(messageSid).catch(note('a reply sent'));
    }
    return results;
  };

  /** One inbound text, after the webhook was answered: keywords, the opt-out rule, then the bot. */
  const handle = async (message: TakenText, numberKey: string, conversationId: string): Promise<void> => {
    const sendReplies = sendRepliesTo(message.MessageSid);
    const keyword = await keywordOf(message.Body, numberKey);
    const optedOut = await store.isOptedOut(numberKey);
    if (keyword?.keyword === 'optOut') {
      if (optedOut) return; // Already out: one confirmation is enough.
      await store.setOptedOut(numberKey, true, message.Body.trim().toUpperCase());
      log(`sms: ${shortKey(numberKey)} opted out`);
      await sendReplies(keywordReply(numberKey, await replyLanguage(numberKey, keyword), 'optedOut', true));
      return;
    }
    if (keyword?.keyword === 'optIn' && optedOut) {
      await store.setOptedOut(numberKey, false, message.Body.trim().toUpperCase());
      log(`sms: ${shortKey(numberKey)} opted back in`);
      await sendReplies(keywordReply(numberKey, await replyLanguage(numberKey, keyword), 'optedIn'));
      return;
    }
    if (keyword?.keyword === 'help') {
      // Networks expect HELP answered even after STOP; after STOP nothing else is answered, so it says START first.
      const lang = await replyLanguage(numberKey, keyword);
      await sendReplies(keywordReply(numberKey, lang, optedOut ? 'helpOptedOut' : 'help', true));
      return;
    }
    if (optedOut && !detectCrisis(message.Body).crisis) {
      // Nothing goes out until START; crisis language still gets the crisis reply (the adapter lets only that through).
      log(`sms: text from ${shortKey(numberKey)} not answered (opted out)`);
      return;
    }
    await adapter.processActivity(adapter.inboundActivity(numberKey, conversationId, message.Body, message.MessageSid), (context) => deps.bot.run(context), sendReplies);
  };

  /**
   * Claims the text, then runs its turn, unless a turn of it already ran (the app died before it
   * was marked handled): then only the replies not yet sent go. False if another process has it.
   * Window left: the bot saves its state inside the turn, and the replies are recorded just after;
   * a crash between those two writes runs the turn again (closing it needs the MessageSid written
   * with the bot's own state write, in bots/).
   */
  const runOnce = async (message: TakenText, numberKey: string, conversationId: string): Promise<boolean> => {
    const claimed = await store.claim(message.MessageSid, claimant);
    if (!claimed) return false;
    const renewing = setInterval(() => {
      store.claim(message.MessageSid, claimant).catch((error: unknown) => log(`sms: claim on a text not renewed: ${errorText(error)}`));
    }, TEXT_CLAIM_LEASE_MS / 3);
    renewing.unref();
    try {
      if (!claimed.replies) {
        await handle(message, numberKey, conversationId);
        return true;
      }
      const left = claimed.replies.length - claimed.repliesSent;
      log(`sms: a text's turn had already run before a restart; ${Math.max(left, 0)} reply text(s) of it sent now`);
      if (left > 0) await sendRepliesTo(message.MessageSid)(claimed.replies, claimed.repliesSent);
      return true;
    } finally {
      clearInterval(renewing);
    }
  };

  // One text at a time per number, in the order they came: quick texts must not race on the conversation's state.
  const queues = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const resendDelays = deps.resendDelaysMs ?? DEFAULT_RESEND_DELAYS_MS;
  /** Re-sends waiting for their moment (in memory: a restart drops them, and the texts expire with PENDING_TEXT_HOURS). */
  const timers = new Set<NodeJS.Timeout>();
  /** Number keys whose records are to be forgotten once their turn in progress has sent its last text. */
  const eraseAfterTurn = new Set<string>();
  let closing = false;
  /** MessageSids queued in this process and not finished: a retry of one is a duplicate, not a leftover. */
  const queuedSids = new Set<string>();

  /** Queues one text behind the number's earlier ones; its stored record is marked handled when its turn ends. */
  const enqueue = (message: TakenText, numberKey: string, conversationId: string): void => {
    queuedSids.add(message.MessageSid);
    const previous = queues.get(numberKey) ?? Promise.resolve();
    const settled = previous
      .then(async () => {
        const ran = await runOnce(message, numberKey, conversationId);
        if (eraseAfterTurn.delete(numberKey)) await store.forget(numberKey);
        return ran;
      })
      .catch((error: unknown) => {
        log(`sms: text from ${shortKey(numberKey)} failed: ${errorText(error)}`);
        // Also after a failed turn: it was answered by onTurnError, and would only fail again.
        return true;
      })
      // Not one another process has: that one marks it handled when its turn ends.
      .then((ran) => (ran ? store.markHandled(message.MessageSid) : log(`sms: a text from ${shortKey(numberKey)} is being answered by another process`)))
      .catch((error: unknown) => log(`sms: text from ${shortKey(numberKey)} not marked handled (it is taken up again at start-up): ${errorText(error)}`))
      .finally(() => queuedSids.delete(message.MessageSid));
    queues.set(numberKey, settled);
    inFlight.add(settled);
    void settled.then(() => {
      inFlight.delete(settled);
      if (queues.get(numberKey) === settled) queues.delete(numberKey);
    });
  };

  /** Queues a stored text, unless this process has it queued already (a retry and a sweep may both find it). */
  const enqueueStored = (text: UnhandledText): void => {
    if (!queuedSids.has(text.messageSid)) enqueue({ MessageSid: text.messageSid, Body: text.text }, text.numberKey, text.conversationId);
  };

  /**
   * Texts taken in (answered 200) but never queued, taken in before `takenInBefore`: at start-up those
   * of an earlier run that died before their turn, in a sweep those whose webhook failed after storing
   * them. Queued again, oldest first, before any newer text. Too old ones are dropped; so is one that has already been taken up
   * MAX_REPLAYS times (it may be what kills the app).
   */
  const replayUnhandled = async (takenInBefore = new Date()): Promise<void> => {
    const dropped = await store.dropUnhandledBefore(new Date(Date.now() - UNHANDLED_TEXT_HOURS * 3_600_000));
    if (dropped > 0) log(`sms: ${dropped} text(s) taken in over ${UNHANDLED_TEXT_HOURS} h ago and never answered dropped`);
    let replayed = 0;
    /** Numbers with a text another process is answering: their later texts wait for it, to keep their order. */
    const heldElsewhere = new Set<string>();
    for (const text of await store.unhandledTexts()) {
      if (queuedSids.has(text.messageSid) || text.receivedAt >= takenInBefore || heldElsewhere.has(text.numberKey)) continue;
      const claimed = await store.claim(text.messageSid, claimant, { countReplay: true });
      if (!claimed) {
        heldElsewhere.add(text.numberKey);
        continue;
      }
      if (claimed.replays > MAX_REPLAYS) {
        await store.markHandled(text.messageSid);
        log(`sms: a text taken in before a restart dropped after ${MAX_REPLAYS} tries`);
        continue;
      }
      enqueueStored(claimed);
      replayed++;
    }
    if (replayed > 0) log(`sms: ${replayed} text(s) taken in earlier and not yet answered queued again`);
    // Held by a claim: answered by its process, or (if that died) here once the claim runs out.
    if (heldElsewhere.size > 0 && !closing) lookAgainAfterLease(takenInBefore);
  };
  /** One more look once claims seen now have run out (sooner than the next sweep). */
  let lookAgain: NodeJS.Timeout | undefined;
  const lookAgainAfterLease = (takenInBefore: Date) => {
    if (lookAgain) return;
    lookAgain = setTimeout(() => {
      lookAgain = undefined;
      replayUnhandled(takenInBefore).catch((error: unknown) => log(`sms: looking for texts not yet answered failed: ${errorText(error)}`));
    }, TEXT_CLAIM_LEASE_MS + 1_000);
    lookAgain.unref();
  };
  /** A periodic look for texts stored and never queued, while the app runs (start-up finds the rest). */
  let sweep: NodeJS.Timeout | undefined;
  const startSweeping = (intervalMs: number) => {
    sweep = setInterval(() => {
      if (closing) return;
      replayUnhandled(new Date(Date.now() - UNHANDLED_MIN_AGE_MS)).catch((error: unknown) => log(`sms: looking for texts not yet answered failed: ${errorText(error)}`));
    }, intervalMs);
    sweep.unref();
  };
  /** Set by register(): newer texts wait for it, so they queue behind a number's older, left-over ones. */
  let replayDone: Promise<void> = Promise.resolve();

  const accept = async (message: InboundSms): Promise<'accepted' | 'duplicate'> => {
    await replayDone;
    // Remember first (idempotent): a claim that succeeded must not leave a text we cannot answer.
    const { numberKey, conversationId } = await store.remember(message.From);
    if (await store.takeIn(message.MessageSid, { numberKey, conversationId, text: message.Body })) {
      enqueue(message, numberKey, conversationId);
      return 'accepted';
    }
    // A retry. If the first try was stored but never queued (e.g. its answer was lost), this one queues it.
    const leftOver = queuedSids.has(message.MessageSid) ? undefined : await store.unhandled(message.MessageSid);
    if (leftOver) enqueueStored(leftOver);
    return 'duplicate';
  };

  const idle = async () => {
    await replayDone;
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  return {
    adapter,
    store,
    register(server: Server) {
      replayDone = replayUnhandled().catch((error: unknown) => log(`sms: texts left from before a restart not taken up: ${errorText(error)}`));
      startSweeping(deps.unhandledSweepMs ?? UNHANDLED_SWEEP_MS);
      registerSmsRoutes(server, {
        accountSid: deps.config.accountSid,
        authToken: deps.config.authToken,
        publicBaseUrl: deps.config.publicBaseUrl,
        accept,
        // Without the database the language is not known: Welsh for Welsh words, else English. Nothing
        // was recorded, so nothing is said about telling the team.
        crisisSupportFor: (text) => {
          const crisis = detectCrisis(text);
          if (!crisis.crisis) return undefined;
          return splitForSms(plainText(crisisSupportText(translator(crisis.rule?.startsWith('cy.') ? 'cy' : 'en'), crisis.kind)));
        },
        recordStatus: async (sid, status, errorCode) => {
          if (!(await store.recordStatus(sid, status, errorCode))) return;
          if (!FINAL_STATUSES.has(status)) return;
          // Final: the kept text is no longer needed, unless it is to go again.
          const pending = await store.takePending(sid);
          if (status !== 'failed' && status !== 'undelivered') return;
          const transient = errorCode !== undefined && TRANSIENT_DELIVERY_ERRORS.has(errorCode);
          const again = pending && transient && pending.resends < resendDelays.length;
          log(`sms: message ${sid} ${status}${errorCode ? ` (Twilio ${errorCode})` : ''}${again ? `; sending again in ${Math.round(resendDelays[pending.resends] / 1000)} s` : ''}`);
          if (!again || closing) return;
          const timer = setTimeout(() => {
            timers.delete(timer);
            const resend = adapter
              .deliver(pending.numberKey, [pending.text], { evenIfOptedOut: pending.evenIfOptedOut, resendOf: sid, resends: pending.resends + 1 })
              .then(() => undefined)
              .catch((error: unknown) => log(`sms: re-send of ${sid} failed: ${error instanceof Error ? error.message : String(error)}`));
            inFlight.add(resend);
            void resend.then(() => inFlight.delete(resend));
          }, resendDelays[pending.resends]);
          timer.unref();
          timers.add(timer);
        },
        isClosing: () => closing,
        log,
      });
    },
    numberKey: (number) => store.numberKey(number),
    isOptedOut: (numberKey) => store.isOptedOut(numberKey),
    async sendTo(target, text) {
      const numberKey = 'numberKey' in target ? target.numberKey : (await store.remember(target.number)).numberKey;
      return adapter.deliver(numberKey, splitForSms(plainText(text)));
    },
    async eraseConversation(conversationId) {
      const numberKey = conversationId.replace(/^sms-/, '');
      if (queues.has(numberKey)) eraseAfterTurn.add(numberKey);
      else await store.forget(numberKey);
    },
    referenceFor(numberKey) {
      return {
        channelId: SMS_CHANNEL_ID,
        serviceUrl: SMS_SERVICE_URL,
        conversation: { id: `sms-${numberKey}`, isGroup: false, conversationType: 'personal', name: '' },
        user: { id: numberKey, name: '', role: 'user' },
        bot: botAccount,
      };
    },
    idle,
    async close(graceMs = 10_000) {
      closing = true;
      clearInterval(sweep);
      clearTimeout(lookAgain);
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.race([idle(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    },
  };
}
export { inboundTextParams, newMessageSid, postSignedWebhook } from './signedWebhook';
