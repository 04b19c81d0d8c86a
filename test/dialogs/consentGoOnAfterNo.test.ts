/**
 * After a no to consent, through the whole app: "go on then" (a global "carry on" command too) must
 * not get "OK, let's carry on" and then "You said no". It may be a change of mind or only wanting to
 * get on, so the consent question is asked again and nothing is kept until a yes to it. "alright
 * then", "fine", "oh ok then" accept the no; "I've changed my mind, yes" and "yes, go on" are a
 * clear yes.
 */
import { translator, type Language } from '../../src/i18n';
import { Collections } from '../../src/store/collections';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { sendTurn, textsOf, type ReplyActivity } from '../helpers/appProcess';

let running: AppOnTestDatabase;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
});
afterAll(async () => running?.stop());

const toTheNo: Record<Language, string[]> = { en: ['hi', 'English', 'no'], cy: ['helo', 'Cymraeg', 'na'] };

const goOn: Record<Language, string[]> = {
  en: ['go on then', 'go on', 'Oh go on then!', 'ok go on', 'carry on', 'continue', "let's start"],
  cy: ['ewch ymlaen', 'cer ymlaen te', 'ymlaen', 'parhau', 'cario mlaen'],
};
const acceptingTheNo: Record<Language, string[]> = { en: ['alright then', 'fine', 'oh ok then', 'ok then'], cy: ['iawn te', 'ocê te'] };
const clearYes: Record<Language, string[]> = {
  en: ["I've changed my mind, yes", 'yes go on', 'go on then, yes', 'yes, carry on'],
  cy: ['dw i wedi newid fy meddwl, ie', 'ydy, ewch ymlaen', 'ydy, ymlaen'],
};
const yesToTheCheck: Record<Language, string[]> = { en: ['yes', '1', 'ok'], cy: ['ydy', '1', 'iawn'] };
const noToTheCheck: Record<Language, string[]> = { en: ['no', '2'], cy: ['na', '2', 'na chewch'] };

let conversations = 0;

/** A new person who has said no to keeping their answers; `say` sends their next message. */
async function afterNo(lang: Language) {
  conversations += 1;
  const conversationId = `go-on-after-no-${lang}-${conversations}`;
  const sayRaw = (text: string): Promise<ReplyActivity[]> => sendTurn(running.app.url, conversationId, text);
  for (const text of toTheNo[lang]) await sayRaw(text);
  return { say: async (text: string) => textsOf(await sayRaw(text)), sayRaw };
}

const consentsGiven = () => running.t.db.collection(Collections.consents).countDocuments({ answer: 'yes' });
const referralsKept = () => running.t.db.collection(Collections.referrals).countDocuments({});

describe.each<Language>(['en', 'cy'])('after a no to consent (%s)', (lang) => {
  const t = translator(lang);
  const checkQuestion = `${t('consent.goOnCheck')}\n${t('consent.ask')}`;

  it.each(goOn[lang])('"%s" asks the consent question again, without "let\'s carry on" or "you said no", and keeps nothing', async (said) => {
    const { sayRaw } = await afterNo(lang);
    const [yesBefore, referralsBefore] = [await consentsGiven(), await referralsKept()];
    const replies = await sayRaw(said);
    const text = textsOf(replies);
    expect(text).toContain(checkQuestion);
    expect(text).not.toContain(t('commands.resume.done'));
    expect(text).not.toContain(t('consent.afterDeclined'));
    expect(replies.at(-1)?.suggestedActions?.actions.map((action) => action.title)).toEqual([t('consent.yes.label'), t('consent.no.label')]);
    expect(await consentsGiven()).toBe(yesBefore);
    expect(await referralsKept()).toBe(referralsBefore);
  });

  it.each(yesToTheCheck[lang])('"%s" to the question asked again records consent and carries on', async (said) => {
    const { say } = await afterNo(lang);
    await say(goOn[lang][0]);
    const yesBefore = await consentsGiven();
    const reply = await say(said);
    expect(reply).toContain(t('consent.thanks'));
    expect(await consentsGiven()).toBe(yesBefore + 1);
  });

  it.each(noToTheCheck[lang])('"%s" to the question asked again keeps the no: nothing is stored', async (said) => {
    const { say } = await afterNo(lang);
    await say(goOn[lang][0]);
    const [yesBefore, referralsBefore] = [await consentsGiven(), await referralsKept()];
    const reply = await say(said);
    expect(reply).toBe(t('consent.afterDeclined'));
    expect(await consentsGiven()).toBe(yesBefore);
    expect(await referralsKept()).toBe(referralsBefore);
  });

  it.each(acceptingTheNo[lang])('"%s" accepts the no: the kind reply, and nothing stored', async (said) => {
    const { say } = await afterNo(lang);
    const yesBefore = await consentsGiven();
    expect(await say(said)).toBe(t('consent.afterDeclined'));
    expect(await consentsGiven()).toBe(yesBefore);
  });

  it.each(clearYes[lang])('"%s" is a clear yes: consent is recorded', async (said) => {
    const { say } = await afterNo(lang);
    const yesBefore = await consentsGiven();
    expect(await say(said)).toContain(t('consent.thanks'));
    expect(await consentsGiven()).toBe(yesBefore + 1);
  });
});
