/**
 * Welsh "no" said with the aspirate mutation ("chewch", "na chei", "chei di ddim") is a no, not
 * the "cewch" (yes) it mutates from: at the consent question, after a no, and at other yes/no
 * questions. Welsh yes words ("cewch", "cei", "ie", "iawn", "ydw", "gwnaf") still say yes.
 */
import { RootDialog } from '../../dialogs';
import { translator } from '../../src/i18n';
import { ServiceDirectory } from '../../src/directory/directory';
import { OfflineRecognizer } from '../../src/nlu';
import { ReferralRepository } from '../../src/referrals';
import { Collections } from '../../src/store/collections';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { config, Conversation, newPersonKey, typed } from './support';

const t = translator('cy');
const saysNo = ['chewch', 'Chewch.', 'na chewch', 'na chei', 'chei di ddim', 'chewch chi ddim', 'na wnaf', 'dim diolch', 'na, dim diolch'];
const saysYes = ['cewch', 'cei', 'ie', 'iawn', 'ydw', 'gwnaf', 'ydy'];

let running: AppOnTestDatabase;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
});
afterAll(async () => running?.stop());

let conversations = 0;
function newWelshConversation() {
  conversations += 1;
  const id = `welsh-no-${conversations}`;
  return async (text: string) => textsOf(await sendTurn(running.app.url, id, text));
}

const consentsGiven = () => running.t.db.collection(Collections.consents).countDocuments({ answer: 'yes' });

describe('Welsh no and yes at the consent question, through the whole app', () => {
  it.each(saysNo)('"%s" is a no: nothing is kept', async (said) => {
    const say = newWelshConversation();
    await say('helo');
    await say('Cymraeg');
    const yesBefore = await consentsGiven();
    const reply = await say(said);
    expect(reply).toContain(t('consent.declined'));
    expect(reply).not.toContain(t('consent.thanks'));
    expect(await consentsGiven()).toBe(yesBefore);
  });

  it.each(saysYes)('"%s" is a yes: consent is recorded', async (said) => {
    const say = newWelshConversation();
    await say('helo');
    await say('Cymraeg');
    const yesBefore = await consentsGiven();
    expect(await say(said)).toContain(t('consent.thanks'));
    expect(await consentsGiven()).toBe(yesBefore + 1);
  });

  it.each(['chewch', 'na chei', 'chei di ddim'])('"%s" after a no keeps the no', async (said) => {
    const say = newWelshConversation();
    for (const text of ['helo', 'Cymraeg', 'na']) await say(text);
    const yesBefore = await consentsGiven();
    expect(await say(said)).toBe(t('consent.afterDeclined'));
    expect(await consentsGiven()).toBe(yesBefore);
  });

  it.each(['cewch', 'cei'])('"%s" after a no is a change of mind: consent is recorded', async (said) => {
    const say = newWelshConversation();
    for (const text of ['helo', 'Cymraeg', 'na']) await say(text);
    const yesBefore = await consentsGiven();
    expect(await say(said)).toContain(t('consent.thanks'));
    expect(await consentsGiven()).toBe(yesBefore + 1);
  });

  it.each(['chewch', 'na chei'])('"%s" to "delete everything?" deletes nothing', async (said) => {
    const say = newWelshConversation();
    for (const text of ['helo', 'Cymraeg', 'ydy', 'dileu fy nata']) await say(text);
    const consentsBefore = await running.t.db.collection(Collections.consents).countDocuments({});
    expect(await say(said)).toContain(t('commands.delete.cancelled'));
    expect(await running.t.db.collection(Collections.consents).countDocuments({})).toBe(consentsBefore);
  });
});

/** "Shall we carry on where we left off?" takes a yes ("Carry on") but has no "no" among its choices. */
describe('Welsh no at "Welcome back. Shall we carry on?"', () => {
  async function welcomedBack() {
    const repo = new ReferralRepository(running.t.db);
    const personKey = newPersonKey('welsh-welcome-back');
    const converse = () =>
      new Conversation(new RootDialog(repo, config, { directory: new ServiceDirectory(running.t.db), recognizer: new OfflineRecognizer() }), { personKey });
    const send = (conversation: Conversation, text: string) => conversation.say({ type: 'message', text, locale: 'cy-GB' });
    const first = converse();
    for (const text of ['Helo', 'Cymraeg', typed.cy.consentYes]) await send(first, text);
    await send(first, "Dw i eisiau cwrdd â phobl a mynd allan o'r tŷ yn fwy aml");
    const again = converse();
    expect((await send(again, 'Helo')).text).toContain(t('root.welcomeBack.ask'));
    return (text: string) => send(again, text);
  }

  it('"chewch" is not taken as "carry on": the question is asked again', async () => {
    const say = await welcomedBack();
    const turn = await say('chewch');
    expect(turn.text).toContain(t('common.notUnderstood'));
    expect(turn.text).toContain(t('root.welcomeBack.ask'));
  });

  it.each(['cewch', 'ie'])('"%s" still carries on', async (said) => {
    const say = await welcomedBack();
    const turn = await say(said);
    expect(turn.text).not.toContain(t('root.welcomeBack.ask'));
    expect(turn.text).toContain(t('whatMatters.interests.ask'));
  });
});
