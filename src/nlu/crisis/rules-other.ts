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
  {
    id: 'ro.suicide.statement',
    kind: 'suicide',
    example: 'vreau să mor',
    // I want to die; I'll kill myself; I want to kill myself; suicide
    patterns: ['vreau sa mor', 'ma sinucid', 'vreau sa ma sinucid', 'sinucidere'],
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
  {
    id: 'ar.suicide.statement',
    kind: 'suicide',
    example: 'أريد أن أموت',
    // I want to die; I'll kill myself; I want to kill myself; suicide
    patterns: ['اريد ان اموت', 'ساقتل نفسي', 'اريد ان اقتل نفسي', 'انتحار', 'الانتحار'],
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
];
