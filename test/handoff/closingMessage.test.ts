/**
 * The message a person gets when a link worker closes their chat: by text it names MENU (HELP is the
 * carrier's keyword there and answers with the service blurb, not the bot), in web chat it says "help".
 */
import { preferSmsVariants } from '../../dialogs/render';
import { SUPPORTED_LANGUAGES, translator } from '../../src/i18n';

describe('the "link worker has finished" message', () => {
  test.each(SUPPORTED_LANGUAGES)('by SMS points to MENU, never to help (%s)', (lang) => {
    const sms = preferSmsVariants(translator(lang), lang)('handoff.closed', { serviceName: 'Front Door' });
    expect(sms).toMatch(lang === 'cy' ? /Atebwch DEWISLEN/ : /Reply MENU for options\./);
    expect(sms).not.toMatch(/help/i);
    expect(sms).toContain('Front Door');
  });

  test('in web chat still says to type help', () => {
    expect(translator('en')('handoff.closed', { serviceName: 'Front Door' })).toBe(
      'The link worker has finished this chat. You are talking to the Front Door bot again. Type help if you need me.',
    );
    expect(translator('en')('handoff.closedSms', { serviceName: 'Front Door' })).toBe(
      'The link worker has finished this chat. You are talking to the Front Door bot again. Reply MENU for options.',
    );
  });
});
