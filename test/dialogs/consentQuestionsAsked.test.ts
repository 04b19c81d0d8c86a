/**
 * Questions about the privacy notice asked at "Is it OK for us to keep your answers?" get the
 * answer from the notice and the question again, through the whole app: not a yes or a no, not
 * "Sorry, I didn't understand", and not the general answers that are only true after agreeing.
 */
import { translator, type Language } from '../../src/i18n';
import { Collections } from '../../src/store/collections';
import { loadConfig } from '../../src/config';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';
import { sendTurn, textsOf } from '../helpers/appProcess';

let running: AppOnTestDatabase;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
});
afterAll(async () => running?.stop());

const toTheQuestion: Record<Language, string[]> = { en: ['hi', 'English'], cy: ['helo', 'Cymraeg'] };

const asked: Record<Language, [string, 'whoSees' | 'howLong' | 'sayNo'][]> = {
  en: [
    ['who sees it?', 'whoSees'],
    ['Who will see my answers?', 'whoSees'],
    ['how long do you keep it?', 'howLong'],
    ['what if I say no?', 'sayNo'],
    ['what happens if I say no', 'sayNo'],
  ],
  cy: [
    ["pwy sy'n ei weld?", 'whoSees'],
    ['pa mor hir ydych chi’n ei gadw?', 'howLong'],
    ["am ba hyd rydych chi'n ei gadw?", 'howLong'],
    ["beth os dw i'n dweud na?", 'sayNo'],
  ],
};

let conversations = 0;

describe.each<Language>(['en', 'cy'])('questions about the notice at the consent question (%s)', (lang) => {
  const t = translator(lang);
  const config = loadConfig({ PORT: '0' });
  const [serviceName, closedDays] = [config.serviceName, config.retention.finishedReferralDays];

  it.each(asked[lang])('"%s" gets the answer from the notice, then the question again', async (said, question) => {
    conversations += 1;
    const say = async (text: string) => textsOf(await sendTurn(running.app.url, `notice-question-${conversations}`, text));
    for (const text of toTheQuestion[lang]) await say(text);
    const consents = running.t.db.collection(Collections.consents);
    const before = await consents.countDocuments({});

    const reply = await say(said);
    expect(reply).toBe(`${t(`consent.questions.${question}.answer`, { serviceName, closedDays })}\n${t('consent.ask')}`);
    expect(await consents.countDocuments({})).toBe(before);

    // Still waiting for a yes or a no.
    expect(await say(lang === 'en' ? 'yes' : 'ydy')).toContain(t('consent.thanks'));
  });
});
