import { randomBytes } from 'node:crypto';
import { ActivityTypes, ConversationState, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import type { Db } from 'mongodb';
import { FrontDoorBot } from '../../bots';
import type { DialogConfig } from '../../dialogs';
import { ServiceDirectory } from '../../src/directory/directory';
import { HandoffDesk } from '../../src/handoff/desk';
import { HandoffRepository } from '../../src/handoff/repository';
import { ServiceHours } from '../../src/handoff/serviceHours';
import { derivePersonKey } from '../../src/identity/personKey';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { getOrCreateSecret, MongoBotStorage } from '../../src/store';

export interface BotWorldOptions {
  /** When link workers are on duty (default "always"). */
  serviceHours?: string;
  now?: () => Date;
  extraCrisisCheck?: (text: string, lang: 'en' | 'cy') => Promise<string | undefined>;
}

export const botConfig: DialogConfig = {
  serviceName: 'Front Door Test',
  nextStepsDays: 5,
  privacyUrl: 'https://frontdoor.example/privacy',
  closedDays: 30,
};

/** Everything the bot sent in one turn. */
export interface BotTurn {
  activities: Partial<Activity>[];
  /** Message activities only. */
  messages: Partial<Activity>[];
  /** All message texts of the turn, joined by newlines. */
  text: string;
  /** Suggested-action titles on the last message. */
  buttons: string[];
}

/**
 * The production pipeline as `src/app.ts` wires it, on a test database: FrontDoorBot with a real
 * MongoBotStorage + ConversationState and ReferralRepository, person keys derived from the stored
 * secret. `restart()` is a process restart: a new bot and ConversationState on the same storage.
 */
export class BotWorld {
  readonly referrals: ReferralRepository;
  readonly storage: MongoBotStorage;
  readonly log: string[] = [];
  readonly handoffs: HandoffRepository;
  private bot!: FrontDoorBot;
  private secret!: Buffer;

  private constructor(
    readonly db: Db,
    private readonly options: BotWorldOptions,
  ) {
    this.referrals = new ReferralRepository(db);
    this.storage = new MongoBotStorage(db);
    this.handoffs = new HandoffRepository(db);
  }

  static async create(db: Db, options: BotWorldOptions = {}): Promise<BotWorld> {
    const world = new BotWorld(db, options);
    world.secret = await getOrCreateSecret(db, 'personKey');
    world.restart();
    return world;
  }

  /** As after a process restart: nothing kept in memory, everything read back from MongoDB. */
  restart(): void {
    this.bot = new FrontDoorBot({
      conversationState: new ConversationState(this.storage),
      referrals: new ReferralRepository(this.db),
      config: botConfig,
      // The test database's directory (empty unless a test loads services into it).
      directory: new ServiceDirectory(this.db),
      recognizer: new OfflineRecognizer(),
      handoffs: {
        desk: new HandoffDesk({
          handoffs: new HandoffRepository(this.db),
          referrals: new ReferralRepository(this.db),
          hours: new ServiceHours(this.options.serviceHours ?? 'always'),
          activityNames: async (ids) => new Map((await new ServiceDirectory(this.db).byIds(ids)).map((service) => [service._id, service.name])),
          now: this.options.now,
        }),
        timeZone: 'Europe/London',
      },
      extraCrisisCheck: this.options.extraCrisisCheck,
      personKeyOf: (context: TurnContext) => this.personKeyFor(context.activity.channelId, context.activity.from?.id ?? 'unknown'),
      log: (line) => this.log.push(line),
    });
  }

  personKeyFor(channelId: string, userId: string): string {
    return derivePersonKey(this.secret, channelId, userId);
  }

  run(context: TurnContext): Promise<void> {
    return this.bot.run(context);
  }

  /** A new person on the `test` channel, in their own conversation. */
  person(options: { locale?: string; channelId?: string } = {}): Person {
    return new Person(this, `user-${randomBytes(5).toString('hex')}`, options.channelId ?? 'test', options.locale);
  }
}

let conversations = 0;

/** One person talking to the bot through botbuilder's TestAdapter. */
export class Person {
  private adapter!: TestAdapter;
  conversationId = '';

  constructor(
    private readonly world: BotWorld,
    readonly userId: string,
    readonly channelId: string,
    /** Sent on every activity (as Web Chat does), if set. */
    public locale?: string,
  ) {
    this.newConversation();
  }

  get personKey(): string {
    return this.world.personKeyFor(this.channelId, this.userId);
  }

  /** botbuilder's key of this conversation's state in the botState collection. */
  get stateKey(): string {
    return `${this.channelId}/conversations/${this.conversationId}/`;
  }

  /** The same person opens a new conversation (e.g. Web Chat reopened another day). */
  newConversation(): void {
    conversations += 1;
    this.conversationId = `conversation-${conversations}-${randomBytes(4).toString('hex')}`;
    const reference = TestAdapter.createConversation(this.conversationId, this.userId);
    reference.channelId = this.channelId;
    reference.user = { id: this.userId, name: 'Person' };
    this.adapter = new TestAdapter(reference);
  }

  /** Sends a text message (or any activity) and returns everything the bot sent back. */
  async say(input: string | Partial<Activity>): Promise<BotTurn> {
    const activity: Partial<Activity> = typeof input === 'string' ? { type: ActivityTypes.Message, text: input } : { ...input };
    if (this.locale && activity.locale === undefined) activity.locale = this.locale;
    await this.adapter.processActivity(activity, (context) => this.world.run(context));
    const activities: Partial<Activity>[] = [];
    for (let next = this.adapter.getNextReply(); next; next = this.adapter.getNextReply()) activities.push(next);
    const messages = activities.filter((a) => a.type === ActivityTypes.Message);
    return {
      activities,
      messages,
      text: messages.map((a) => a.text ?? '').join('\n'),
      buttons: (messages.at(-1)?.suggestedActions?.actions ?? []).map((action) => String(action.title)),
    };
  }

  /** Web Chat's "conversation started": the person (and the bot) joined. */
  joins(): Promise<BotTurn> {
    return this.say({
      type: ActivityTypes.ConversationUpdate,
      membersAdded: [{ id: this.userId, name: 'Person' }, { id: 'bot', name: 'Bot' }],
      recipient: { id: 'bot', name: 'Bot' },
    });
  }

  /** The stored referral, read with the driver. */
  referral(): Promise<Record<string, unknown> | null> {
    return this.world.db.collection(Collections.referrals).findOne({ personKey: this.personKey });
  }

  consents(): Promise<Record<string, unknown>[]> {
    return this.world.db.collection(Collections.consents).find({ personKey: this.personKey }).toArray();
  }

  /** This conversation's bot state document, read with the driver. */
  botState(): Promise<{ _id: string } | null> {
    return this.world.db.collection<{ _id: string }>(Collections.botState).findOne({ _id: this.stateKey });
  }
}
