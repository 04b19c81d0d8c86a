/**
 * Straight after the crisis reply, "hello? are you there?" is not an answer to the question left
 * waiting: the bot says it is still here and offers the choice again, once; nothing is stored.
 */
import { translator } from '../../src/i18n';
import { Collections } from '../../src/store';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';

let running: AppOnTestDatabase | undefined;
beforeAll(async () => {
  running = await startAppOnTestDatabase({ LINKWORKER_HOURS: 'always' });
});
afterAll(async () => running?.stop());

const journeys = {
  en: { start: ['hi', 'English', 'yes', 'I want to die'], there: 'hello? are you there?' },
  cy: { start: ['helo', 'Cymraeg', 'ydw', 'dw i eisiau marw'], there: 'helo? wyt ti yna?' },
} as const;

it.each(['en', 'cy'] as const)('in %s, the offer comes again once, and the words are not stored as an answer', async (lang) => {
  const t = translator(lang);
  const conversation = `offer-again-${lang}`;
  for (const say of journeys[lang].start) await sendTurn(running!.app.url, conversation, say);
  const again = textsOf(await sendTurn(running!.app.url, conversation, journeys[lang].there));
  expect(again).toContain(t('crisis.stillHere'));
  expect(again).toContain(t('crisis.offer'));
  const referral = await running!.t.db.collection(Collections.referrals).findOne({ lang });
  expect(JSON.stringify(referral?.answers ?? {})).not.toContain(journeys[lang].there);
  // "1" still answers the offer: carry on with the question that was waiting.
  expect(textsOf(await sendTurn(running!.app.url, conversation, '1'))).toContain(t('whatMatters.whatMatters.ask'));
});
