import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type TurnContext,
} from 'botbuilder';
import { FrontDoorBot } from '../bots';
import { createDirectLine, DIRECTLINE_CHANNEL_ID, type DirectLineOptions, type DirectLineService } from './channels/directline';
import type { Config } from './config';
import { languageFromLocale, translator } from './i18n';
import { derivePersonKey } from './identity/personKey';
import { loadSampleDirectoryIfEmpty } from './directory';
import { ServiceDirectory } from './directory/directory';
import { OfflineRecognizer } from './nlu';
import { createRecognizer } from './nlu/clu';
import { ReferralRepository } from './referrals';
import { scheduleRetention } from './retention';
import { startServer, type RunningServer } from './server';
import { getOrCreateSecret, MongoBotStorage, openDatabase, type Database } from './store';

export interface FrontDoor {
  url: string;
  database: Database;
  server: RunningServer;
  /** The self-hosted Direct Line (Web Chat): its adapter carries proactive messages to open chats. */
  directLine: DirectLineService;
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
  if (config.bot.anonymous && !config.hostWasDefaulted && !isLoopbackHost(config.host)) {
    log(`Warning: no MicrosoftAppId is set, so the bot runs without authentication, yet HOST=${config.host} exposes it beyond this machine. An anonymous bot sends replies to whatever serviceUrl a caller names.`);
  }
  const database = await openDatabase({ uri: config.mongodbUri, databaseName: config.mongodbDatabase, dbPath: config.dbPath, log });
  try {
    const personKeySecret = await getOrCreateSecret(database.db, 'personKey');
    const retention = scheduleRetention(database.db, log);
    // A fresh development database gets the fictional sample directory; a real MongoDB never does.
    if (database.embedded) await loadSampleDirectoryIfEmpty(database.db, log);
    const referrals = new ReferralRepository(database.db);
    const conversationState = new ConversationState(new MongoBotStorage(database.db));
    // Set once Direct Line exists (below); the bot needs it only after a turn.
    let eraseWebChatTranscript: (conversationId: string) => Promise<unknown> = async () => undefined;
    const bot = new FrontDoorBot({
      conversationState,
      referrals,
      config: { serviceName: config.serviceName, nextStepsDays: config.nextStepsDays, privacyUrl: privacyUrl(config) },
      directory: new ServiceDirectory(database.db),
      // Azure CLU when its CLU_ variables are set, with the offline recogniser behind it; else offline alone.
      recognizer: createRecognizer(process.env, new OfflineRecognizer(), log),
      personKeyOf: (context: TurnContext) =>
        derivePersonKey(personKeySecret, context.activity.channelId, context.activity.from?.id ?? 'unknown'),
      log,
      eraseConversationRecords: async (channelId, conversationId) => {
        if (channelId === DIRECTLINE_CHANNEL_ID) await eraseWebChatTranscript(conversationId);
      },
    });

    const auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.bot.appId ?? '',
      MicrosoftAppPassword: config.bot.appPassword ?? '',
      MicrosoftAppType: config.bot.appType,
      MicrosoftAppTenantId: config.bot.tenantId ?? '',
    });
    const onTurnError = async (context: TurnContext, error: Error) => {
      // Operators get what failed and where; never the person's words.
      log(`turn failed on ${context.activity.channelId} (${context.activity.type}): ${error instanceof Error ? error.message : String(error)}`);
      const t = translator(languageFromLocale(context.activity.locale));
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
      options: { secret: config.directLineTokenSecret, ...options.directLine },
    });
    directLine.adapter.onTurnError = onTurnError;
    eraseWebChatTranscript = (conversationId) => directLine.transcript.deleteConversation(conversationId);

    const server = await startServer({
      config,
      adapter,
      bot,
      databaseReady: () => database.ping(),
      log,
      register: (restifyServer) => directLine.register(restifyServer),
    });
    return {
      url: server.url,
      database,
      server,
      directLine,
      stop: async () => {
        await directLine.close();
        await server.close();
        await retention.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Whether binding to `host` keeps the server on this machine: localhost, 127.x.x.x or ::1. */
export function isLoopbackHost(host: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\]|::ffff:127(\.\d{1,3}){3})$/i.test(host.trim());
}

function privacyUrl(config: Config): string {
  return `${config.publicBaseUrl ?? `http://localhost:${config.port}`}/privacy`;
}
