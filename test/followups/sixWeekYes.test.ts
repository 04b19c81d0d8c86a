/**
 * Natural yeses to the six-week text ("Can we ask you 4 quick questions…? Reply YES to start"; Welsh
 * "Gawn ni ofyn…? Atebwch IE"), and why the check-in ("did you try it? 1 yes 2 not yet 3 help") does
 * not take all of them: "ok" or "fine" to "did you try it?" says nothing about going.
 */
import { interpretFollowUpReply } from '../../src/followups/replies';

const sixWeek = (text: string, lang: 'en' | 'cy') => interpretFollowUpReply(text, lang, 'ons4Repeat');
const checkIn = (text: string, lang: 'en' | 'cy') => interpretFollowUpReply(text, lang, 'referralCheckIn');

describe('a reply to the six-week text', () => {
  it.each([
    ['en', 'ok'],
    ['en', 'OK!'],
    ['en', 'okay'],
    ['en', 'Sure'],
    ['en', 'go on then'],
    ['en', 'fine'],
    ['en', 'go ahead'],
    ['en', 'alright'],
    ['en', 'no problem'],
    ['en', 'yes please'],
    ['cy', 'ydw'],
    ['cy', 'Ydy'],
    ['cy', 'cewch'],
    ['cy', 'Cewch, wrth gwrs'],
    ['cy', "o'r gorau"],
    ['cy', 'ia'],
    ['cy', 'IE'],
    // People mix languages.
    ['cy', 'ok'],
    ['en', 'cewch'],
  ] as const)('(%s) %j is yes: the questions start', (lang, text) => {
    expect(sixWeek(text, lang)).toBe('went');
  });

  it.each([
    ['en', 'no thanks'],
    ['en', 'not now, later'],
    ['cy', 'na chewch'],
    ['cy', 'nac ydw'],
    ['cy', 'naddo'],
  ] as const)('(%s) %j is no', (lang, text) => {
    expect(sixWeek(text, lang)).toBe('notYet');
  });

  it.each([
    ['en', 'not sure'],
    ['en', "I'm not ok"],
    ['en', "I'm fine thanks"],
    ['en', 'ok but no'],
    ['cy', "dw i ddim yn siŵr"],
    ['cy', "dw i ddim yn iawn"],
    ['en', 'ok?'],
  ] as const)('(%s) %j is not taken as yes', (lang, text) => {
    expect(sixWeek(text, lang)).not.toBe('went');
  });
});

describe('a reply to the check-in', () => {
  it.each([
    ['en', 'ok'],
    ['en', 'okay'],
    ['en', 'fine'],
    ['en', 'sure'],
    ['en', 'go on then'],
    ['cy', 'cewch'],
    ['cy', 'ydy'],
  ] as const)('(%s) %j is no answer to "did you try it?"', (lang, text) => {
    expect(checkIn(text, lang)).toBeUndefined();
  });

  it('reads "ydw" (yes, I have) as went and "nac ydw" as not yet: the Welsh check-in asks "Ydych chi wedi…?"', () => {
    expect(checkIn('ydw', 'cy')).toBe('went');
    expect(checkIn('Nac ydw', 'cy')).toBe('notYet');
    expect(interpretFollowUpReply('ydw', 'cy')).toBe('went');
  });

  it('is read as a check-in when no kind is given, as before', () => {
    expect(interpretFollowUpReply('ok', 'en')).toBeUndefined();
    expect(interpretFollowUpReply('yes', 'en')).toBe('went');
  });
});
