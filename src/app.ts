import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type Activity,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import { CRISIS_SUPPORT_SENT, crisisActivities, FrontDoorBot } from '../bots';
import { detectCrisis } from './nlu/crisis';
import { createSmsChannel, isSmsReference, purgeSmsRecords, SMS_CHANNEL_ID, type SmsChannel } from './channels/sms';
import { createDirectLine, DIRECTLINE_CHANNEL_ID, type DirectLineOptions, type DirectLineService } from './channels/directline';
import type { Config } from './config';
import { startupWarnings } from './startupWarnings';
import { languageFromLocale, translator, type Translate } from './i18n';
import { isTextOnlyChannel, preferSmsVariants } from '../dialogs/render';
import { derivePersonKey } from './identity/personKey';
import { loadSampleDirectoryIfEmpty } from './directory';
import { ServiceDirectory } from './directory/directory';
import { personChannelOf } from '../bots/handoffRequests';
import { FollowUpContacts } from './followups/contacts';
import {
  createSmsFollowUpSender,
  createSmsOptOutCheck,
  FollowUpSchedule,
  FollowUpWorker,
  handleFollowUpReply,
  interpretFollowUpReply,
  renderFollowUpThanks,
  sentAfter,
} from './followups';
import { openMissedHandoffs } from './handoff/missedReferrals';
import { releaseQuietClaims } from './handoff/quietClaims';
import { HandoffDesk, type PersonChannel } from './handoff/desk';
import type { Handoff, TranscriptEntry } from './handoff/schema';
import { ServiceHours } from './handoff/serviceHours';
import { clientIpBehind, createLinkWorkerServices, registerLinkWorkerApi } from './linkworker/api';
import { registerLinkWorkerDashboard, type LinkWorkerDashboard } from './linkworker/dashboardRoutes';
import { OfflineRecognizer } from './nlu';
import { CluRecognizer } from './nlu/clu';
import type { Recognizer } from './nlu/recognizer';
import { ReferralRepository } from './referrals';
import { eraseFollowUpsOf, scheduleRetention } from './retention';
import { PersonEraser } from './retention/personErasure';
import { startServer, type RunningServer } from './server';
import { ReusedConnectorClientsAuthentication } from './channels/reusedConnectorClients';
import { conversationStateKey, enableFieldEncryption, FieldCipher, getOrCreateSecret, MongoBotStorage, openDatabase, type Database } from './store';
import { Collections } from './store/collections';

export interface FrontDoor {
  url: string;
  database: Database;
  server: RunningServer;
  /** The self-hosted Direct Line (Web Chat): its adapter carries proactive messages to open chats. */
  directLine: DirectLineService;
  /** Two-way SMS through Twilio, when its TWILIO_ variables are set. */
  sms?: SmsChannel;
  /** Follow-up texts: the schedule, and the worker that sends them (only when SMS is configured). */
  followUps: { schedule: FollowUpSchedule; worker?: FollowUpWorker };
  /** Graceful stop: no new turns, in-flight turns finish, then the database closes. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Direct Line tuning (token lifetime, limits, clock); defaults suit production. */
  directLine?: DirectLineOptions;
}

/** Builds and starts the whole application from a validated config. */
export async function startFrontDoor(
  config: Config,
  log: (line: string) => void = (line) => console.log(line),
  options: StartOptions = {},
): Promise<FrontDoor> {
  for (const warning of startupWarnings(config)) log(`Warning: ${warning}`);
  const database = await openDatabase({ uri: config.mongodbUri, databaseName: config.mongodbDatabase, dbPath: config.dbPath, log });
  try {
    // Before anything reads or writes what people said: every repository on this connection seals with it.
    const { key: fieldKey, previousKeys } = config.fieldEncryption;
    log(await enableFieldEncryption(database.db, fieldKey ? FieldCipher.withKeys(fieldKey, previousKeys) : FieldCipher.off()));
    const personKeySecret = await getOrCreateSecret(database.db, 'personKey');
    const retention = scheduleRetention(database.db, log, undefined, config.retention);
    // A fresh development database gets the fictional sample directory; a real MongoDB never does.
    if (database.embedded) await loadSampleDirectoryIfEmpty(database.db, log);
    const referrals = new ReferralRepository(database.db);
    const botStorage = new MongoBotStorage(database.db);
    const conversationState = new ConversationState(botStorage);
    // Set once Direct Line exists (below); the bot needs it only after a turn.
    let eraseWebChatTranscript: (conversationId: string) => Promise<unknown> = async () => undefined;
    let eraseSmsConversation: (conversationId: string) => Promise<unknown> = async () => undefined;
    let webChatTranscript: (conversationId: string) => Promise<TranscriptEntry[]> = async () => [];
    let smsNumberKey: (number: string) => string | undefined = () => undefined;
    let sendToPerson: (handoff: Handoff, activity: Partial<Activity>) => Promise<void> = async () => {
      throw new Error('Front Door is still starting');
    };
    /** What the person is told about their handoff, in their language and, by text, in the SMS form. */
    const translatorFor = (handoff: Handoff): Translate => {
      const t = translator(handoff.summary.language);
      const reference = handoff.conversationReference as Partial<ConversationReference> | null;
      return reference && isSmsReference(reference) ? preferSmsVariants(t, handoff.summary.language) : t;
    };
    const tellReleased = (handoff: Handoff) => tellPersonAlsoByText(handoff, 'handoff.released');
    const directory = new ServiceDirectory(database.db);
    // Azure CLU when its CLU_ variables are set, with the offline recogniser behind it; else offline alone.
    const offline = new OfflineRecognizer();
    const recognizer: Recognizer = config.clu ? new CluRecognizer(config.clu, { fallback: offline, log }) : offline;
    if (config.clu) log(`Language understanding: Azure CLU project "${config.clu.projectName}", offline recogniser as fallback`);

    // Follow-ups: scheduled when a referral is confirmed, sent by SMS by the worker below.
    const schedule = new FollowUpSchedule(database.db);
    const contacts = new FollowUpContacts(database.db);

    // Link workers: their API, and the handoffs the conversation opens for them.
    const hours = new ServiceHours(config.linkWorkerHours, config.linkWorkerTimeZone, {
      closedDates: config.linkWorkerClosedDates,
      bankHolidays: config.linkWorkerBankHolidays,
    });
    const linkWorkers = createLinkWorkerServices(database.db, {
      messenger: { send: (handoff, text) => sendLinkWorkerMessage(handoff, text) },
      notify: {
        claimed: (handoff) => sendToPerson(handoff, { type: 'message', text: translatorFor(handoff)('handoff.joined') }),
        released: tellReleased,
        closed: async (handoff) => {
          // The link worker's "follow up on" date becomes a follow-up text on that day.
          if (handoff.followUpAt) await schedule.scheduleLinkWorkerFollowUp(handoff.personKey, handoff.followUpAt);
          await tellPersonAlsoByText(handoff, 'handoff.closed');
        },
      },
      publicBaseUrl: config.publicBaseUrl,
      clientIp: clientIpBehind(config.trustedProxies),
      log,
    });
    // Hourly tidy-up (no TTL indexes: not portable): ended link-worker sessions, old failed logins, and
    // SMS MessageSids, delivery records and kept texts past their retention.
    const housekeeping = setInterval(() => {
      Promise.all([linkWorkers.sessions.purgeExpired(), linkWorkers.throttle.purgeStale(), purgeSmsRecords(database.db)]).catch((error: Error) =>
        log(`link-worker housekeeping failed: ${error.message}`),
      );
    }, 60 * 60 * 1000);
    housekeeping.unref();
    /**
     * What confirming a referral sets going besides its handoff: the follow-up texts, and which number
     * (as a key) reaches the person: the one they text from, or the one they gave.
     */
    const followUpsForReadyReferral = async (personKey: string, readyAt: Date, textsFrom?: string): Promise<void> => {
      await schedule.scheduleForReferral(personKey, readyAt, { checkInDays: config.followUps.checkInDays, ons4Weeks: config.followUps.ons4Weeks });
      const referral = await referrals.find(personKey);
      const given = referral?.answers.contactMethod === 'sms' && referral.answers.contactNumber ? smsNumberKey(referral.answers.contactNumber) : undefined;
      const numberKey = textsFrom ?? given;
      if (numberKey) await contacts.remember(numberKey, personKey);
    };
    const activityNames = async (ids: readonly string[]) => new Map((await directory.byIds(ids)).map((s) => [s._id, s.name]));
    // A referral confirmed or crisis-flagged just before a crash (or a failed write) can be left with no handoff:
    // open it, at start-up and every 10 minutes. (Someone who texts us is only texted follow-ups if confirming got
    // as far as recording their number.)
    const sweepMissedReferrals = (): Promise<unknown> =>
      openMissedHandoffs(database.db, { referrals, handoffs: linkWorkers.handoffs, activityNames, onOpened: (personKey, readyAt) => followUpsForReadyReferral(personKey, readyAt), log }).catch(
        (error: Error) => log(`missed-referral sweep failed: ${error.message}`),
      );
    let sweeping = sweepMissedReferrals();
    const missedReferralSweep = setInterval(() => {
      sweeping = sweepMissedReferrals();
    }, 10 * 60 * 1000);
    missedReferralSweep.unref();
    // A link worker who went quiet (logged out, went home) leaves nobody reading: back to the queue.
    let releasingQuietClaims: Promise<unknown> = Promise.resolve();
    const quietClaimSweep = setInterval(() => {
      releasingQuietClaims = releaseQuietClaims({
        handoffs: linkWorkers.handoffs,
        audit: linkWorkers.audit,
        onReleased: tellReleased,
        log,
      }).catch((error: Error) => log(`quiet-claim sweep failed: ${error.message}`));
    }, 5 * 60 * 1000);
    quietClaimSweep.unref();
    const desk = new HandoffDesk({
      handoffs: linkWorkers.handoffs,
      referrals,
      hours,
      transcriptOf: (channel: PersonChannel) => (channel.channelId === DIRECTLINE_CHANNEL_ID ? webChatTranscript(channel.conversationId) : Promise.resolve([])),
      activityNames,
      log,
    });

    const eraseConversationRecords = async (channelId: string, conversationId: string): Promise<void> => {
      if (channelId === DIRECTLINE_CHANNEL_ID) await eraseWebChatTranscript(conversationId);
      if (channelId === SMS_CHANNEL_ID) await eraseSmsConversation(conversationId);
    };
    // Numbers are forgotten through the SMS channel, which waits for a text from that number still being answered.
    const eraseFollowUps = async (personKey: string): Promise<void> => {
      await eraseFollowUpsOf(personKey, { schedule, contacts, botState: botStorage, forgetNumber: (numberKey) => eraseSmsConversation(`sms-${numberKey}`) });
    };
    /**
     * "Delete my data" for a person who is not in this turn (a web chatter, by a text from the number they
     * gave): as retention's PersonEraser does, but with the turn-safe channel erasures above, since the
     * texting conversation is still being answered.
     */
    const erasePerson = async (personKey: string): Promise<void> => {
      const eraser = new PersonEraser(database.db, () => new Date());
      for (const conversation of await eraser.conversationsOf(personKey, await handoffsOf(personKey))) {
        await botStorage.delete([conversationStateKey(conversation.channelId, conversation.conversationId)]);
        await eraseConversationRecords(conversation.channelId, conversation.conversationId);
      }
      await eraseFollowUps(personKey);
      await referrals.erase(personKey);
      await desk.eraseFor(personKey);
    };
    /** Every handoff of a person, opened (the conversation each names is sealed at rest). */
    const handoffsOf = async (personKey: string): Promise<Handoff[]> => {
      const ids = await database.db.collection(Collections.handoffs).find({ personKey }, { projection: { _id: 1 } }).toArray();
      const handoffs = await Promise.all(ids.map(({ _id }) => linkWorkers.handoffs.get(_id)));
      return handoffs.filter((handoff): handoff is Handoff => handoff !== null);
    };

    const bot = new FrontDoorBot({
      conversationState,
      referrals,
      config: { serviceName: config.serviceName, nextStepsDays: config.nextStepsDays, privacyUrl: privacyUrl(config), closedDays: config.retention.finishedReferralDays },
      directory,
      recognizer,
      handoffs: { desk, timeZone: config.linkWorkerTimeZone },
      minimumAge: config.minimumAge,
      // CLU's crisis intent adds to the local detector (never replaces it); offline alone adds nothing.
      followUps: {
        referralReady: (context, personKey) =>
          followUpsForReadyReferral(personKey, new Date(), context.activity.channelId === SMS_CHANNEL_ID ? context.activity.from?.id : undefined),
        handleReply: async (context, personKey, text, turnLang, options) => {
          // Check-ins go out by text, so only texts can answer them.
          if (context.activity.channelId !== SMS_CHANNEL_ID) return undefined;
          const owner = (context.activity.from?.id && (await contacts.personKeyFor(context.activity.from.id))) || personKey;
          // The number's owner chose their language in web chat; this texting conversation has none of its own.
          const lang = owner === personKey ? turnLang : ((await referrals.find(owner))?.lang ?? turnLang);
          const reopenHandoff = async (key: string) => {
            await desk.request({ personKey: key, reason: 'askedForPerson', channel: personChannelOf(context) });
          };
          const checkIn = await handleFollowUpReply({ schedule, referrals, reopenHandoff, serviceName: config.serviceName }, owner, text, lang, options);
          if (checkIn) return { thanks: checkIn.thanks };
          // The six-week text asks whether we may ask the wellbeing questions again.
          const repeat = await schedule.awaitingWellbeingRepeat(owner);
          const answer = repeat && sentAfter(repeat, options?.sentAfter) ? interpretFollowUpReply(text, lang, repeat.kind) : undefined;
          if (!repeat || !answer) return undefined;
          await schedule.markReplied(repeat._id, answer);
          if (answer === 'went') return { wellbeingRepeatFor: owner };
          if (answer === 'needHelp') await reopenHandoff(owner);
          return { thanks: renderFollowUpThanks(answer, lang) };
        },
        eraseFor: eraseFollowUps,
        // A number's key is the SMS user id: a web chatter who gave it is the one its follow-ups belong to.
        numberOwner: async (context) => (context.activity.channelId === SMS_CHANNEL_ID && context.activity.from?.id ? contacts.personKeyFor(context.activity.from.id) : undefined),
      },
      extraCrisisCheck: config.clu ? async (text, lang) => ((await recognizer.recognize(text, lang)).crisis ? 'clu:crisis' : undefined) : undefined,
      personKeyOf: (context: TurnContext) =>
        derivePersonKey(personKeySecret, context.activity.channelId, context.activity.from?.id ?? 'unknown'),
      log,
      eraseConversationRecords,
      erasePerson,
    });

    const auth = new ReusedConnectorClientsAuthentication(new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.bot.appId ?? '',
      MicrosoftAppPassword: config.bot.appPassword ?? '',
      MicrosoftAppType: config.bot.appType,
      MicrosoftAppTenantId: config.bot.tenantId ?? '',
    }));
    const onTurnError = async (context: TurnContext, error: Error) => {
      // Operators get what failed and where; never the person's words.
      log(`turn failed on ${context.activity.channelId} (${context.activity.type}): ${error instanceof Error ? error.message : String(error)}`);
      const t = translator(languageFromLocale(context.activity.locale));
      // Crisis words in a turn that failed before its support went out (the database is down): the
      // support needs nothing stored, so it goes out anyway.
      const text = context.activity.type === 'message' ? (context.activity.text ?? '') : '';
      const crisis = detectCrisis(text);
      if (!context.turnState.get(CRISIS_SUPPORT_SENT) && crisis.crisis) {
        const [support] = crisisActivities(t, config.serviceName, isTextOnlyChannel(context.activity.channelId), crisis.kind);
        await context.sendActivity(support).catch(() => undefined);
      }
      await context.sendActivity(t('common.somethingWrong')).catch(() => undefined);
    };
    const adapter = new CloudAdapter(auth);
    adapter.onTurnError = onTurnError;
    // Web Chat without Azure: turns reach the same bot in-process.
    const directLine = await createDirectLine({
      db: database.db,
      bot,
      botAccount: { id: config.bot.appId ?? 'front-door', name: config.serviceName },
      log,
      options: { secret: config.directLineTokenSecret, clientAddress: clientIpBehind(config.trustedProxies), ...options.directLine },
    });
    directLine.adapter.onTurnError = onTurnError;
    eraseWebChatTranscript = (conversationId) => directLine.transcript.deleteConversation(conversationId);
    // SMS through Twilio: the same bot; the number is kept only as a key and an encrypted copy.
    const sms = config.sms
      ? await createSmsChannel({
          db: database.db,
          config: config.sms,
          bot,
          serviceName: config.serviceName,
          botAccount: { id: config.bot.appId ?? 'front-door', name: config.serviceName },
          log,
          onTurnError,
        })
      : undefined;
    if (sms) {
      eraseSmsConversation = (conversationId) => sms.eraseConversation(conversationId);
      smsNumberKey = (number) => sms.numberKey(number);
    }
    // The follow-up sender: safe in several processes (each job is claimed atomically); needs SMS.
    const worker = sms
      ? new FollowUpWorker({
          db: database.db,
          window: { ...config.followUps.sendWindow, timeZone: config.followUps.timeZone },
          sender: createSmsFollowUpSender({ referrals, sendTo: (target, text) => sms.sendTo(target, text), serviceName: config.serviceName, smsNumberKeyFor: (key) => contacts.numberKeyFor(key) }),
          optOuts: createSmsOptOutCheck({ referrals, smsNumberKeyFor: (key) => contacts.numberKeyFor(key), numberKey: (number) => sms.numberKey(number), isOptedOut: (key) => sms.isOptedOut(key) }),
          log,
        })
      : undefined;
    worker?.start();
    webChatTranscript = (conversationId) => readWebChatTranscript(directLine, conversationId, config.bot.appId ?? 'front-door');
    // A link worker's words reach the person on the channel they used last.
    sendToPerson = async (handoff, activity) => {
      const reference = handoff.conversationReference as Partial<ConversationReference> | null;
      if (!reference?.channelId || !reference.conversation) throw new Error('the handoff has no conversation to reply on');
      const target = reference.channelId === DIRECTLINE_CHANNEL_ID ? directLine.adapter : isSmsReference(reference) && sms ? sms.adapter : adapter;
      await target.continueConversationAsync(config.bot.appId ?? '', reference, async (context) => {
        await context.sendActivity(activity);
      });
    };

    /** A link worker's words. */
    const sendLinkWorkerMessage = (handoff: Handoff, text: string): Promise<void> =>
      sendAlsoByText(handoff, { type: 'message', text, channelData: { frontDoor: { from: 'linkWorker' } } }, text);
    /** A notice about their handoff (released, closed), by text in the SMS form. */
    const tellPersonAlsoByText = (handoff: Handoff, key: string): Promise<void> => {
      const params = { serviceName: config.serviceName };
      const smsForm = preferSmsVariants(translator(handoff.summary.language), handoff.summary.language)(key, params);
      return sendAlsoByText(handoff, { type: 'message', text: translatorFor(handoff)(key, params) }, smsForm);
    };
    /**
     * To the person's chat, and by text too when they chose text messages in web chat (they have likely
     * closed the tab); their number is remembered so a reply by text reaches the link worker. Delivered
     * if either way got through.
     */
    const sendAlsoByText = async (handoff: Handoff, activity: Partial<Activity>, smsText: string): Promise<void> => {
      const reference = handoff.conversationReference as Partial<ConversationReference> | null;
      const number = sms && !(reference && isSmsReference(reference)) ? await chosenTextNumber(handoff.personKey) : undefined;
      if (!sms || !number) return sendToPerson(handoff, activity);
      const inChat = await sendToPerson(handoff, activity).then(() => true, () => false);
      await contacts.remember(sms.numberKey(number), handoff.personKey);
      const byText = await sms.sendTo({ number }, smsText).catch(() => ({ sent: false }));
      if (!inChat && !byText.sent) throw new Error('it reached neither the chat nor the number the person gave');
    };
    const chosenTextNumber = async (personKey: string): Promise<string | undefined> => {
      const answers = (await referrals.find(personKey))?.answers;
      return (answers?.contactMethod === 'sms' && answers.contactNumber) || undefined;
    };

    let dashboard: LinkWorkerDashboard | undefined;
    const server = await startServer({
      config,
      adapter,
      bot,
      databaseReady: () => database.ping(),
      log,
      register: (restifyServer) => {
        directLine.register(restifyServer);
        sms?.register(restifyServer);
        registerLinkWorkerApi(restifyServer, linkWorkers);
        dashboard = registerLinkWorkerDashboard(restifyServer, {
          db: database.db,
          sessions: linkWorkers.sessions,
          accounts: linkWorkers.accounts,
          serviceName: config.serviceName,
          log,
        });
      },
    });
    return {
      url: server.url,
      database,
      server,
      directLine,
      sms,
      followUps: { schedule, worker },
      stop: async () => {
        await worker?.stop();
        await directLine.close();
        await sms?.close();
        // Live dashboard streams end (and stop polling) before the database closes.
        await dashboard?.close();
        await server.close();
        await retention.stop();
        clearInterval(housekeeping);
        clearInterval(missedReferralSweep);
        clearInterval(quietClaimSweep);
        await sweeping;
        await releasingQuietClaims;
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** The web chat so far, as the link worker reads it: who said what, when (text only). */
async function readWebChatTranscript(directLine: DirectLineService, conversationId: string, botId: string): Promise<TranscriptEntry[]> {
  const entries: TranscriptEntry[] = [];
  let watermark = 0;
  // A bounded read: the latest few hundred messages are enough for a summary.
  for (let page = 0; page < 10; page++) {
    const { activities, watermark: next } = await directLine.transcript.readAfter(conversationId, watermark);
    for (const activity of activities) {
      if (activity.type !== 'message' || !activity.text) continue;
      entries.push({ from: activity.from?.id === botId ? 'bot' : 'person', text: activity.text, at: new Date(activity.timestamp ?? Date.now()) });
    }
    if (next === watermark || activities.length === 0) break;
    watermark = next;
  }
  return entries;
}

function privacyUrl(config: Config): string {
  // "https://example.org/" must not give "//privacy", which is not found.
  return `${(config.publicBaseUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '')}/privacy`;
}
