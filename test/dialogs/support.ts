import type { Activity } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient, DialogTestLogger } from 'botbuilder-testing';
import type { Db } from 'mongodb';
import { translator, type Language, type Translate } from '../../src/i18n';
import { ReferralRepository, type Referral } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import type { DialogConfig } from '../../dialogs';

export const LANGUAGES: Language[] = ['en', 'cy'];

export const config: DialogConfig = {
  serviceName: 'Front Door Test',
  nextStepsDays: 5,
  privacyUrl: 'https://frontdoor.example/privacy',
  closedDays: 30,
};

/** What a person types for common answers, in each language. */
export const typed = {
  en: { yes: 'yes', consentYes: 'Yes', no: 'no', skip: 'skip', done: "that's all", carryOn: 'carry on', startAgain: 'start again', change: 'change something', confirm: 'yes, send it' },
  cy: { yes: 'ie', consentYes: 'ydy', no: 'na', skip: 'hepgor', done: "dyna'r cyfan", carryOn: 'parhau', startAgain: 'dechrau eto', change: 'newid rhywbeth', confirm: 'ydy, anfonwch e' },
} as const;

/** Everything the bot said in one turn. */
export interface Turn {
  activities: Partial<Activity>[];
  /** All message texts of the turn, joined by newlines. */
  text: string;
  /** Suggested-action titles on the last message. */
  buttons: string[];
}

/** A conversation with one dialog through botbuilder-testing's DialogTestClient. */
export class Conversation {
  readonly client: DialogTestClient;
  readonly transcript: string[] = [];

  constructor(dialog: Dialog, options: object, channelId = 'test') {
    const logger = { log: (...args: unknown[]) => this.transcript.push(args.map(String).join(' ')) };
    this.client = new DialogTestClient(channelId, dialog, options, [new DialogTestLogger(logger)]);
  }

  async say(input: string | Partial<Activity>): Promise<Turn> {
    const activity = typeof input === 'string' ? { type: 'message', text: input } : input;
    const first = (await this.client.sendActivity(activity)) as Partial<Activity> | undefined;
    const activities: Partial<Activity>[] = first ? [first] : [];
    for (let next = this.client.getNextReply(); next; next = this.client.getNextReply()) activities.push(next);
    const messages = activities.filter((a) => a.type === 'message');
    const last = messages.at(-1);
    return {
      activities,
      text: messages.map((a) => a.text ?? '').join('\n'),
      buttons: (last?.suggestedActions?.actions ?? []).map((action) => String(action.title)),
    };
  }

  /** The dialog (and the whole stack) has finished. */
  get finished(): boolean {
    return this.client.dialogTurnResult?.status === 'complete';
  }

  get result(): unknown {
    return this.client.dialogTurnResult?.result;
  }
}

let people = 0;
export function newPersonKey(label: string): string {
  people += 1;
  return `test:${label}-${people}-${Date.now()}`;
}

/** A person who has chosen a language and agreed to the notice, as the root dialog would leave them. */
export async function consentedPerson(repo: ReferralRepository, lang: Language, label = 'person'): Promise<string> {
  const personKey = newPersonKey(label);
  await repo.getOrCreate(personKey, 'test', lang);
  await repo.setLanguage(personKey, lang);
  await repo.recordConsent(personKey, { noticeVersion: 'test', channel: 'test', answer: 'yes' });
  return personKey;
}

/** The stored referral, read with the driver (not through our repository). */
export async function storedReferral(db: Db, personKey: string): Promise<Record<string, unknown> | null> {
  return db.collection(Collections.referrals).findOne({ personKey });
}

export async function storedAnswers(db: Db, personKey: string): Promise<Record<string, unknown>> {
  return ((await storedReferral(db, personKey))?.answers ?? {}) as Record<string, unknown>;
}

export function tFor(lang: Language): Translate {
  return translator(lang);
}

/** First line of a message, for asserting a question was asked without repeating all of it. */
export function firstLine(text: string): string {
  return text.split('\n')[0];
}

export type { Referral };
