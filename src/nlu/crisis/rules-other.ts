/**
 * A few plain statements of suicidal intent in languages often spoken in the UK besides English and
 * Welsh, so that someone with little English who writes in their own language still gets the crisis
 * reply (in English or Welsh: it is the numbers that matter). Not a translation of the rule table:
 * only unmistakable phrases, matched after normalisation (lower case, accents stripped: "chcę umrzeć"
 * is "chce umrzec", Arabic hamza dropped). Ids start with the language's code.
 *
 * Written from standard usage by a non-native speaker; a native speaker of each should check them
 * (the labelled set marks them with a note).
 */
import type { RuleSpec } from './rule-types';

/** Arabic "I want", standard and dialect: Levantine بدي, Gulf ابغى, Egyptian عايز/عاوز, "I long to" نفسي. */
const WANT_AR = '(اريد|بدي|ابغي|عايز|عايزه|عاوز|عاوزه|نفسي)';

/** Arabic "I'll ...": standard سوف and the dialect future markers. */
const WILL_AR = '(سوف|رح|راح)';

export const RULES_OTHER: readonly RuleSpec[] = [
  {
    id: 'pl.suicide.statement',
    kind: 'suicide',
    example: 'chcę umrzeć',
    // I want to die; I don't want to live; I'll kill myself; I want to kill myself; suicide, suicidal thoughts
    patterns: ['chce umrzec', 'nie chce (juz )?zyc', 'zabije sie', 'chce sie zabic', 'samobojstwo', 'mysli samobojcze', 'odebrac sobie zycie'],
    // "nie chcę żyć sam" (I don't want to live alone), "... w tym mieszkaniu" (in this flat)
    unlessAfter: '(sam|sama|samotnie|tutaj|tu|w|z)',
    negatable: false,
  },
  // NEEDS NATIVE REVIEW (Polish): everyday phrasings added after a tester's report; written by a non-native speaker.
  {
    id: 'pl.suicide.no_will_to_live',
    kind: 'suicide',
    example: 'nie chce mi się żyć',
    // I don't feel like living (the everyday phrase); I'd like to die (man, woman); I'll finish with myself
    patterns: ['nie chce mi sie (juz )?zyc', 'chcial(a)?bym umrzec', '(skoncze|skonczyc) ze soba'],
    // "nie chce mi się żyć samemu" (I don't fancy living alone)
    unlessAfter: '(sam|sama|samemu|samotnie)',
    negatable: false,
  },
  {
    id: 'pl.suicide.fed_up_with_life',
    kind: 'suicide',
    example: 'mam dość życia',
    // I've had enough of (this) life
    patterns: ['mam (juz )?dosc (tego )?zycia'],
    // "mam dość życia w mieście / na walizkach / z nim" (of life in the city, out of a suitcase, with him)
    unlessAfter: '(w|we|na|z|ze|u|bez|jako|pod|tutaj|tu)',
    negatable: false,
  },
  {
    id: 'ro.suicide.statement',
    kind: 'suicide',
    example: 'vreau să mor',
    // I want to die; I'll kill myself; I want to kill myself; suicide
    patterns: ['vreau sa mor', 'ma sinucid', 'vreau sa ma sinucid', 'sinucidere'],
    negatable: false,
  },
  // NEEDS NATIVE REVIEW (Romanian): added after a tester's report; written by a non-native speaker.
  {
    id: 'ro.suicide.dont_want_to_live',
    kind: 'suicide',
    example: 'nu mai vreau să trăiesc',
    // I don't (any longer) want to live
    patterns: ['nu (mai )?vreau sa (mai )?traiesc'],
    // "nu vreau să trăiesc singur / aici / în oraș / cu el" (alone, here, in town, with him)
    unlessAfter: '(singur|singura|aici|acolo|in|la|cu)',
    negatable: false,
  },
  {
    id: 'ro.suicide.kill_self',
    kind: 'suicide',
    example: 'vreau să mă omor',
    // I want to kill myself; I'm going to kill myself
    patterns: ['(vreau sa|o sa|am sa) ma omor'],
    // "o să mă omor de râs" (I'll die laughing), "mă omor după ciocolată" (I'm mad about chocolate)
    unlessAfter: '(de|dupa)',
    negatable: false,
  },
  {
    id: 'es.suicide.statement',
    kind: 'suicide',
    example: 'quiero morir',
    // Spanish, then Portuguese: I want to die; I want to kill myself; I'm going to kill myself; suicide
    patterns: [
      'quiero (morir|morirme|matarme)',
      'me quiero (morir|matar)',
      'me voy a matar',
      'no quiero vivir',
      'quero (morrer|me matar)',
      'vou me matar',
      'nao quero (mais )?viver',
      'suicidio',
      'suicidarme',
    ],
    // "no quiero vivir solo / aquí / con ..." (alone, here, with ...)
    unlessAfter: '(solo|sola|sozinho|sozinha|aqui|en|em|con|com)',
    negatable: false,
  },
  // NEEDS NATIVE REVIEW (Spanish, Portuguese): added after a tester's report; written by a non-native speaker.
  {
    id: 'es.suicide.end_life',
    kind: 'suicide',
    example: 'quiero acabar con mi vida',
    // Spanish, then Portuguese: to end my life; to take my life
    patterns: ['(acabar|terminar) con mi (propia )?vida', 'quitarme la vida', '(acabar|terminar) com a minha (propria )?vida', 'tirar a minha (propria )?vida'],
    // "acabar con mi vida social / sedentaria" (my social life, my couch-potato life)
    unlessAfter: '(social|sedentaria|laboral|amorosa|sentimental|profesional|profissional)',
    negatable: false,
  },
  {
    id: 'ar.suicide.statement',
    kind: 'suicide',
    example: 'أريد أن أموت',
    // I want to die; I'll kill myself; I want to kill myself; suicide
    // "suicide" may carry joined prefix letters: و ف (and), ب ل ك (with, for, as), ال (the): بالانتحار, وللانتحار
    patterns: ['اريد ان اموت', 'ساقتل نفسي', 'اريد ان اقتل نفسي', '[وفبلك]{0,3}(ال)?انتحار'],
    negatable: false,
  },
  // NEEDS NATIVE REVIEW (Arabic): everyday and dialect phrasings added after a tester's report; written by a
  // non-native speaker. Patterns are in normalised letters: no hamza, ى written ي.
  {
    id: 'ar.suicide.want_to_die',
    kind: 'suicide',
    example: 'بدي موت',
    // I want to die (standard and dialects); I want death; I wish to die; I'll / I want to kill myself or commit suicide
    patterns: [
      `${WANT_AR} (ان )?اموت`,
      'بدي موت',
      // Gulf "I want / I'd like to die" (ابي alone is also "my father": "ابي انتحر" is grief, so not in WANT_AR)
      '(ابي|ودي) اموت',
      '(اريد|اتمني) الموت',
      'اتمني (ان )?اموت',
      `(${WILL_AR}|${WANT_AR}) (ان )?(اقتل نفسي|انتحر)`,
      '(هقتل|حقتل) نفسي',
      '(سانتحر|هنتحر|هانتحر|حنتحر)',
    ],
    // "بدي موت من الجوع / الضحك" (I'm dying of hunger / laughing)
    unlessAfter: 'من (الجوع|الضحك|البرد|الحر|التعب|الملل|الخجل|العطش|الزهق)',
    negatable: false,
  },
  {
    id: 'ar.suicide.dont_want_to_live',
    kind: 'suicide',
    example: 'لا أريد أن أعيش',
    // I don't want to live: standard, Levantine, Egyptian, Gulf
    patterns: ['(لا اريد ان|لا اريد|ما اريد ان|ما بدي|مش عايز|مش عايزه|مش عاوز|مش عاوزه|ما ابغي|ما ابي) (اعيش|عيش)'],
    // "... وحدي / هنا / في لندن / معه" (alone, here, in London, with him)
    unlessAfter: '(وحدي|لوحدي|وحيدا|وحيد|وحيده|هنا|هناك|في|معه|معها|معهم|مع (زوجي|زوجتي|اهلي|عائلتي|ابني|بنتي|امي|ابي|اخي|اختي|الناس))',
    negatable: false,
  },
  {
    id: 'ur.suicide.statement',
    kind: 'suicide',
    example: 'khudkushi',
    // Urdu and Punjabi written in Latin letters: suicide; I want to die
    patterns: ['khudkushi', 'khud kushi', 'marna chahta', 'marna chahti', 'mar jana chahta', 'mar jana chahti'],
    negatable: false,
  },
  // NEEDS NATIVE REVIEW (Urdu, Punjabi): added after a tester's report; written by a non-native speaker.
  {
    id: 'ur.suicide.everyday',
    kind: 'suicide',
    example: 'mainu marna hai',
    patterns: [
      // Latin letters: I'll take my own life; (Punjabi, Urdu) I want to die; I don't feel like living; I don't want to live
      'apni jaan (le|lena|lene|lu|lun|loon|lunga|lungi|loonga|loongi)',
      '(mainu|menu|mennu|mainoo|mujhe|mujhay|mujhy|mujhko|mjhe) marna (hai|hay|he|ae|a|e)',
      '(jeene|jine|jeenay|jeeney) (ka|ko|nu) (mann|man|mun|dil) (nahi|nahin|nai|nhi)',
      '(jeena|jina) (nahi|nahin|nai|nhi) (chahta|chahti)',
      // Urdu script, in normalised letters (ی ک ہ ھ written ي ك ه): I want to die (man, woman); suicide
      'مرنا (چاهتا|چاهتي)',
      'خود ?كشي',
    ],
    negatable: false,
  },
];
