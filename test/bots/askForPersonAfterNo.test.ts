/**
 * "Talk to a person" after saying no to keeping answers: the team is told, and the person hears that their
 * answers are still not kept (a crisis message is, as they were told), not "carry on with my questions".
 */
import { translator } from '../../src/i18n';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';

let running: AppOnTestDatabase | undefined;
beforeAll(async () => {
  running = await startAppOnTestDatabase({ LINKWORKER_HOURS: 'always' });
});
afterAll(async () => running?.stop());

const journeys = {
  en: ['hi', 'English', 'no', 'talk to a person'],
  cy: ['helo', 'Cymraeg', 'na', 'siarad â pherson'],
} as const;

it.each(['en', 'cy'] as const)('in %s, says what is kept and does not offer questions', async (lang) => {
  const t = translator(lang);
  let last = '';
  for (const say of journeys[lang]) last = textsOf(await sendTurn(running!.app.url, `after-no-${lang}`, say));
  expect(last).toContain(t('commands.human.doneAfterNo', { serviceName: 'Front Door' }));
  expect(last).not.toContain(t('commands.human.done', { serviceName: 'Front Door' }));
  // Still waiting for a yes, in their language.
  expect(last).toContain(t('consent.afterDeclined'));
});
