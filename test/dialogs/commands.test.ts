import { ComponentDialog, Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import {
  activeQuestionAccepts,
  CHANGE_LANGUAGE_DIALOG,
  ChangeLanguageDialog,
  DELETE_DATA_DIALOG,
  DeleteDataDialog,
  ROOT_DIALOG,
  RootDialog,
  renderMessage,
  setTurnLanguage,
  turnTranslator,
  type PersonOptions,
} from '../../dialogs';
import type { Language } from '../../src/i18n';
import { DELETE_CONFIRMATION_FRESH_MS } from '../../dialogs/deleteData';
import { recogniseCommand } from '../../src/nlu/commands';
import { ServiceDirectory } from '../../src/directory/directory';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, newPersonKey, storedReferral, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

/**
 * Stands in for the turn pipeline (built elsewhere) so the command dialogs can be driven with
 * DialogTestClient: a global command is handled unless the waiting question takes the message
 * as one of its answers; anything else goes to the conversation.
 */
class PipelineStandIn extends ComponentDialog<PersonOptions> {
  private personKey = '';

  constructor() {
    super('pipelineStandIn');
    this.addDialog(new RootDialog(repo, config, { directory: new ServiceDirectory(database.db), recognizer: new OfflineRecognizer() }));
    this.addDialog(new ChangeLanguageDialog(repo));
    this.addDialog(new DeleteDataDialog(repo));
  }

  protected override async onBeginDialog(innerDc: DialogContext, options?: PersonOptions): Promise<DialogTurnResult> {
    this.personKey = options!.personKey;
    return innerDc.beginDialog(ROOT_DIALOG, { personKey: this.personKey });
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const text = innerDc.context.activity.text ?? '';
    const lang: Language = (await repo.find(this.personKey))?.lang ?? 'en';
    setTurnLanguage(innerDc.context, lang);
    const t = turnTranslator(innerDc.context);
    const command = recogniseCommand(text, lang);
    if (command && !activeQuestionAccepts(innerDc, text)) {
      const personKey = this.personKey;
      switch (command.name) {
        case 'stop':
          await innerDc.context.sendActivity(renderMessage(t('commands.stop.done')));
          return innerDc.cancelAllDialogs();
        case 'restart':
          await innerDc.cancelAllDialogs();
          await innerDc.context.sendActivity(renderMessage(t('commands.restart.done')));
          return innerDc.beginDialog(ROOT_DIALOG, { personKey, restart: true });
        case 'resume':
          await innerDc.context.sendActivity(renderMessage(t('commands.resume.done')));
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        case 'language':
          return innerDc.beginDialog(CHANGE_LANGUAGE_DIALOG, { personKey, target: command.target });
        case 'delete':
          return innerDc.beginDialog(DELETE_DATA_DIALOG, { personKey });
        case 'help':
          await innerDc.context.sendActivity(renderMessage(t('commands.help')));
          await innerDc.repromptDialog();
          return Dialog.EndOfTurn;
        default:
          break;
      }
    }
    return innerDc.continueDialog();
  }
}

describe.each(LANGUAGES)('global command dialogs (%s)', (lang) => {
  const t = tFor(lang);
  const other: Language = lang === 'en' ? 'cy' : 'en';
  const otherWord = other === 'cy' ? 'Cymraeg' : 'English';

  async function midConversation(channelId?: string) {
    const personKey = await consentedPerson(repo, lang, 'commands');
    const conversation = new Conversation(new PipelineStandIn(), { personKey }, channelId);
    const opening = await conversation.say('hi');
    expect(opening.text).toContain(t('root.welcomeBack.ask'));
    const turn = await conversation.say(typed[lang].carryOn);
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    return { personKey, conversation };
  }

  it('switches language mid-question and asks the same question again in the new language', async () => {
    const { personKey, conversation } = await midConversation();
    const turn = await conversation.say(otherWord);
    expect(turn.text).toContain(tFor(other)('commands.language.done'));
    expect(turn.text).toContain(tFor(other)('whatMatters.whatMatters.ask'));
    expect(await storedReferral(database.db, personKey)).toMatchObject({ lang: other });
    expect(await storedReferral(database.db, personKey)).toMatchObject({ answers: {} });
  });

  it('asks which language when none is named', async () => {
    const { personKey, conversation } = await midConversation();
    let turn = await conversation.say(lang === 'en' ? 'change language' : 'newid iaith');
    expect(turn.text).toContain(t('commands.language.ask'));
    expect(turn.buttons).toEqual(['English', 'Cymraeg']);
    turn = await conversation.say(otherWord);
    expect(turn.text).toContain(tFor(other)('commands.language.done'));
    expect((await storedReferral(database.db, personKey))!.lang).toBe(other);
  });

  it('takes "Cymraeg" or "English" as the answer to the welcome\'s language question, not as a command', async () => {
    const personKey = newPersonKey('welcomeLanguage');
    const conversation = new Conversation(new PipelineStandIn(), { personKey });
    await conversation.say('hello');
    const turn = await conversation.say(lang === 'cy' ? 'Cymraeg' : 'English');
    expect(turn.text).not.toContain(t('commands.language.done'));
    expect(turn.text).toContain(t('consent.ask'));
  });

  it('pauses on "stop", deletes nothing, and carries on from the same question later', async () => {
    const { personKey, conversation } = await midConversation();
    await conversation.say('Walking with other people');
    let turn = await conversation.say(lang === 'en' ? 'stop' : 'stopio');
    expect(turn.text).toBe(t('commands.stop.done'));
    expect((await storedReferral(database.db, personKey))!.answers).toEqual({ whatMatters: 'Walking with other people' });

    const later = new Conversation(new PipelineStandIn(), { personKey });
    turn = await later.say('hi');
    expect(turn.text).toContain(t('root.welcomeBack.ask'));
    // "carry on" is also the resume command: the waiting question takes it as its answer.
    turn = await later.say(typed[lang].carryOn);
    expect(turn.text).not.toContain(t('commands.resume.done'));
    expect(turn.text).toContain(t('whatMatters.interests.ask'));
  });

  it('starts again on "start again", with the answers cleared', async () => {
    const { personKey, conversation } = await midConversation();
    await conversation.say('Walking with other people');
    const turn = await conversation.say(lang === 'en' ? 'start again' : 'dechrau eto');
    expect(turn.text).toContain(t('commands.restart.done'));
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    expect((await storedReferral(database.db, personKey))!.answers).toEqual({});
  });

  it('shows help and then asks the waiting question again', async () => {
    const { conversation } = await midConversation();
    const turn = await conversation.say('help');
    expect(turn.text).toContain(t('commands.help'));
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
  });

  it('by SMS, help offers "pause" for a break and says STOP stops all texts (STOP is the opt-out word there)', async () => {
    const { personKey, conversation } = await midConversation('sms');
    let turn = await conversation.say(lang === 'en' ? 'menu' : 'dewislen');
    expect(turn.text).toContain(t('commands.helpSms'));
    expect(turn.text).not.toContain(t('commands.help'));
    const pauseWord = lang === 'en' ? 'pause' : 'saib';
    expect(t('commands.helpSms')).toContain(`- ${pauseWord}: `);
    expect(t('commands.helpSms')).toMatch(lang === 'en' ? /STOP: stop all texts/ : /STOPIO: stopio pob neges destun/);
    expect(t('commands.helpSms')).not.toMatch(/^- stop/m);
    // The way out (after the welcome, a misunderstood answer, the end) says the same.
    expect(t('common.wayOutSms')).toContain(pauseWord.toUpperCase());
    // And the word it offers does pause.
    await conversation.say('Walking with other people');
    turn = await conversation.say(pauseWord);
    expect(turn.text).toBe(t('commands.stop.done'));
    expect((await storedReferral(database.db, personKey))!.answers).toEqual({ whatMatters: 'Walking with other people' });
  });

  it('deletes the person\'s data after confirming, leaving only the anonymous erasure log', async () => {
    const { personKey, conversation } = await midConversation();
    await conversation.say('Walking with other people');
    const erasuresBefore = await database.db.collection(Collections.erasures).countDocuments();

    let turn = await conversation.say(lang === 'en' ? 'delete my data' : 'dileu fy nata');
    expect(turn.text).toContain(t('commands.delete.confirm'));
    expect(turn.buttons).toEqual([t('commands.delete.yes.label'), t('commands.delete.no.label')]);

    turn = await conversation.say(t('commands.delete.yes.label'));
    expect(turn.text).toBe(t('commands.delete.done'));
    expect(conversation.finished).toBe(true);
    expect(await storedReferral(database.db, personKey)).toBeNull();
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(0);
    const erasures = await database.db.collection(Collections.erasures).find({}).toArray();
    expect(erasures).toHaveLength(erasuresBefore + 1);
    expect(JSON.stringify(erasures)).not.toContain(personKey);
    expect(JSON.stringify(erasures)).not.toContain('Walking with other people');

    // The next message starts afresh, as for someone new.
    turn = await conversation.say('hello');
    expect(turn.text).toContain('999');
    expect(turn.buttons).toEqual(['English', 'Cymraeg']);
  });

  it('asks again before erasing when "yes" comes long after the question (it may answer something sent since)', async () => {
    const { personKey, conversation } = await midConversation();
    await conversation.say(lang === 'en' ? 'delete my data' : 'dileu fy nata');
    const later = Date.now() + DELETE_CONFIRMATION_FRESH_MS + 60_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      let turn = await conversation.say(t('commands.delete.yes.label'));
      expect(turn.text).toContain(t('commands.delete.askAgain'));
      expect(turn.text).toContain(t('commands.delete.confirm'));
      expect(await storedReferral(database.db, personKey)).not.toBeNull();
      turn = await conversation.say(t('commands.delete.yes.label'));
      expect(turn.text).toBe(t('commands.delete.done'));
      expect(await storedReferral(database.db, personKey)).toBeNull();
    } finally {
      clock.mockRestore();
    }
  });

  it('deletes nothing when the person says no, and carries on', async () => {
    const { personKey, conversation } = await midConversation();
    await conversation.say(lang === 'en' ? 'delete my data' : 'dileu fy nata');
    const turn = await conversation.say(typed[lang].no);
    expect(turn.text).toContain(t('commands.delete.cancelled'));
    expect(turn.text).toContain(t('whatMatters.whatMatters.ask'));
    expect(await storedReferral(database.db, personKey)).not.toBeNull();
    expect(await database.db.collection(Collections.consents).countDocuments({ personKey })).toBe(1);
  });
});
