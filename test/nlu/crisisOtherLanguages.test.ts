/**
 * Crisis detector: everyday phrasings in Polish, Arabic (standard and dialects, any keyboard), Romanian,
 * Spanish, Urdu and Punjabi. Each of these got no crisis reply before; the rules need native review.
 */
import { detectCrisis } from '../../src/nlu/crisis';

const flags = (text: string): boolean => detectCrisis(text).crisis;

describe('everyday crisis statements in other languages get the crisis reply', () => {
  it.each([
    // Polish, with and without diacritics
    'nie chce mi sie zyc',
    'nie chcę mi się żyć',
    'mam dość życia',
    'chciałbym umrzeć',
    'chciałabym umrzeć',
    'chcialbym umrzec',
    'skończę ze sobą',
    'chce skonczyc ze soba',
    // Arabic: standard, Levantine, Gulf, Egyptian
    'أريد الموت',
    'لا أريد أن أعيش',
    'بدي موت',
    'ابغى اموت',
    'انا عايز اموت',
    'سوف انتحر',
    'بدي انتحر',
    // "suicide" with a joined prefix letter
    'افكر بالانتحار',
    'أفكر في الانتحار',
    'وللانتحار',
    // Persian/Urdu keyboard letters, tatweel
    'ارید ان اموت',
    'أريـــد أن أمـــوت',
    // Romanian
    'nu mai vreau sa traiesc',
    'nu mai vreau să trăiesc',
    'vreau sa ma omor',
    // Spanish
    'quiero acabar con mi vida',
    // Urdu and Punjabi, Latin letters and Urdu script
    'main apni jaan le lunga',
    'mainu marna hai',
    'mera jeene ka mann nahi',
    'میں مرنا چاہتا ہوں',
    'خودکشی کے خیال آتے ہیں',
  ])('flags %j', (text) => {
    expect(detectCrisis(text)).toMatchObject({ crisis: true, kind: 'suicide' });
  });

  it('logs the rule, never the text', () => {
    expect(detectCrisis('nie chce mi sie zyc').rule).toBe('pl.suicide.no_will_to_live');
    expect(detectCrisis('بدي موت').rule).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  });
});

describe('everyday sentences with the same words stay quiet', () => {
  it.each([
    'nie chce mi się iść do pracy',
    'mam dość pracy w tym tygodniu',
    'mam dość życia w mieście',
    'nie chce mi się żyć samemu',
    'chciałbym umówić wizytę',
    'skończę pracę o piątej',
    'لا أريد أن أعيش وحدي',
    'لا أريد أن أعيش في هذه المدينة',
    'بدي موت من الجوع',
    'عايز اروح السوق',
    'أفكر في الانتقال إلى بيت جديد',
    'ابي انتحر قبل عشر سنوات',
    'هجوم انتحاري في الأخبار',
    'بدي موتور جديد',
    'nu vreau să trăiesc singur',
    'o să mă omor de râs',
    'mă omor după ciocolată',
    'quiero acabar con mi vida sedentaria',
    'mujhe marna nahi hai',
    'main marna nahi chahta',
    'میں مرنا نہیں چاہتا',
  ])('does not flag %j', (text) => {
    expect(flags(text)).toBe(false);
  });
});
