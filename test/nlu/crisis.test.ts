/**
 * Crisis detector: behaviour through the public surface only (detectCrisis), against the labelled set in
 * test/fixtures/crisis/messages.json and focused cases.
 */
import { detectCrisis } from '../../src/nlu/crisis';
import {
  HARD_NEGATIVE_KINDS,
  TARGETS,
  loadCrisisFixture,
  meetsTargets,
  scoreCrisis,
  type Failure,
} from '../../scripts/eval/crisis';

const messages = loadCrisisFixture();
const score = scoreCrisis(messages);

/** Failures as readable lines, so a failing assertion names the messages. */
const describeFailures = (failures: readonly Failure[]): string[] =>
  failures.map(({ message, result }) => `${message.crisis ? 'missed' : `flagged by ${result.rule ?? '?'}`}: ${message.text}`);

describe('labelled set', () => {
  it('is big enough and covers both sides, both languages and every required kind', () => {
    expect(messages.length).toBeGreaterThanOrEqual(180);
    const kinds = new Set(messages.map((m) => `${m.crisis}:${m.kind}`));
    for (const kind of ['explicit', 'implicit', 'typo_shorthand', 'welsh']) expect(kinds).toContain(`true:${kind}`);
    for (const kind of [...HARD_NEGATIVE_KINDS, 'everyday_low_mood']) expect(kinds).toContain(`false:${kind}`);
    expect(messages.some((m) => m.lang === 'cy' && m.crisis)).toBe(true);
    expect(messages.some((m) => m.lang === 'cy' && !m.crisis)).toBe(true);
    // A duplicated message would count twice.
    expect(new Set(messages.map((m) => m.text.toLowerCase())).size).toBe(messages.length);
  });

  it('every explicit crisis message is caught', () => {
    const missed = score.failures.filter((f) => f.message.crisis && f.message.kind === 'explicit');
    expect(describeFailures(missed)).toEqual([]);
    expect(score.explicitRecall).toBe(TARGETS.explicitRecall);
  });

  it(`overall crisis recall is at least ${TARGETS.overallRecall * 100}%`, () => {
    const missed = describeFailures(score.failures.filter((f) => f.message.crisis));
    // Names the missed messages when the target is not met.
    expect(score.overallRecall >= TARGETS.overallRecall ? [] : missed).toEqual([]);
    expect(score.overallRecall).toBeGreaterThanOrEqual(TARGETS.overallRecall);
  });

  it(`false positives on idioms, negation, grief and hobbies are at most ${TARGETS.hardNegativeFalsePositiveRate * 100}%`, () => {
    const flagged = describeFailures(
      score.failures.filter((f) => !f.message.crisis && HARD_NEGATIVE_KINDS.includes(f.message.kind)),
    );
    expect(score.hardNegativeFalsePositiveRate <= TARGETS.hardNegativeFalsePositiveRate ? [] : flagged).toEqual([]);
    expect(score.hardNegativeFalsePositiveRate).toBeLessThanOrEqual(TARGETS.hardNegativeFalsePositiveRate);
  });

  it('reports the labelled kind for almost every flagged crisis message', () => {
    expect(score.kindAgreement).toBeGreaterThanOrEqual(0.9);
  });

  it('the scoring can fail: a detector that never flags, or always flags, misses the targets', () => {
    const never = scoreCrisis(messages, () => ({ crisis: false }));
    expect(never.overallRecall).toBe(0);
    expect(meetsTargets(never)).toBe(false);
    const always = scoreCrisis(messages, () => ({ crisis: true, kind: 'suicide', rule: 'test.always' }));
    expect(always.hardNegativeFalsePositiveRate).toBe(1);
    expect(meetsTargets(always)).toBe(false);
    expect(meetsTargets(score)).toBe(true);
  });
});

const flags = (text: string): boolean => detectCrisis(text).crisis;

describe('result shape', () => {
  it('gives kind and a stable, meaningful rule id on crisis, and neither otherwise', () => {
    expect(detectCrisis('I want to die')).toEqual({ crisis: true, kind: 'suicide', rule: 'suicide.want_to_die' });
    expect(detectCrisis('My husband hits me')).toEqual({
      crisis: true,
      kind: 'abuse_or_danger',
      rule: 'danger.being_hurt',
    });
    expect(detectCrisis("I've taken an overdose")).toMatchObject({ kind: 'medical_emergency' });
    expect(detectCrisis('I want to kill my husband')).toMatchObject({ kind: 'harm_to_others' });
    expect(detectCrisis("I've been cutting myself")).toMatchObject({ kind: 'self_harm' });
    expect(detectCrisis('I like pottery')).toEqual({ crisis: false });
  });

  it('rule ids never contain the person’s words beyond the rule name', () => {
    const result = detectCrisis('Bethan here, I want to kill myself, call me on 07700 900123');
    expect(result.rule).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    expect(result.rule).not.toMatch(/bethan|0770/);
  });

  it('names the most urgent kind when several apply', () => {
    expect(detectCrisis('I want to die so I took all my pills').kind).toBe('medical_emergency');
  });
});

describe('typos, shorthand, casing and punctuation', () => {
  it.each([
    'wana die',
    'wanna die',
    'i want 2 die',
    'i want to diiiie',
    'I WANT TO DIE',
    'i.want.to.die',
    'I... want... to die',
    'want2die',
    'I want to d i e',
    'kms',
    'im gonna kms',
    'i want to kil myself',
    'i want to k1ll myself',
    'kill my self',
    'i wnt 2 kill myslef',
    'gonna end it all tnight',
    'feeling suicdal',
    'i want to commit sucide',
    'thinking about s*icide',
    'i dont wanna live anymore',
    'i cant go on',
    'ｉ ｗａｎｔ ｔｏ ｄｉｅ', // full-width letters
    "I’m going to kill myself", // typographic apostrophe
    'i wanna unalive myself',
  ])('flags %j', (text) => {
    expect(flags(text)).toBe(true);
  });

  it('does not let fuzzy matching turn everyday words into key words', () => {
    expect(flags('I want to dye my hair')).toBe(false);
    expect(flags('I want to lie down')).toBe(false);
    expect(flags('My library books are overdue')).toBe(false);
    expect(flags('The steak was overdone')).toBe(false);
    expect(flags('I want to fill my week')).toBe(false);
    expect(flags('I have 2 kids and want to meet other parents')).toBe(false);
    expect(flags('I took 2 paracetamol for my headache')).toBe(false);
  });
});

describe('negation is scoped to the clause and to the verb it governs', () => {
  it.each([
    "I'm not ok, I want to die",
    "I'm not ok. I want to die",
    'im not ok i want to die',
    "I'm not ok... I want to die",
    "I'm not going to lie, I want to die",
    'not suicidal before but I am suicidal now',
    "I'm not sure if I want to live anymore",
    "I don't want to live",
    "I don't want to be alive",
    'I never want to wake up again',
    'Dw i ddim eisiau byw',
  ])('flags %j', (text) => {
    expect(flags(text)).toBe(true);
  });

  it.each([
    'not suicidal',
    "I'm not suicidal",
    "I don't want to die, I want to make friends",
    'I would never hurt myself',
    'No thoughts of self harm',
    'I have no suicidal thoughts',
    "I'm not going to kill myself",
    'Dw i ddim eisiau marw',
  ])('does not flag %j', (text) => {
    expect(flags(text)).toBe(false);
  });
});

describe('idioms and everyday uses stay quiet', () => {
  it.each([
    'This weather is killing me',
    "I'm dying to try pottery",
    'My feet are killing me',
    'I could murder a cup of tea',
    'That joke killed me',
    'dead tired',
    "I'm killing myself laughing",
    'I cut myself shaving',
    'I burnt myself on the oven',
    'My mum will kill me if I miss the bus',
    "I don't want to live alone anymore",
    'I want to end things with my boyfriend',
  ])('does not flag %j', (text) => {
    expect(flags(text)).toBe(false);
  });

  it('still flags the same words when they are about the person', () => {
    expect(flags('I cut myself on purpose')).toBe(true);
    expect(flags('I cut myself on my arm')).toBe(true);
    expect(flags('My dad will kill me, he said so')).toBe(true);
  });
});

describe('grief about someone else is not the person’s crisis', () => {
  it('does not flag a third party’s past death', () => {
    expect(flags('My mum killed herself years ago and I want a bereavement group')).toBe(false);
    expect(flags('I lost my brother to suicide')).toBe(false);
  });

  it('flags the person’s own crisis inside a grief message', () => {
    expect(flags('My mum killed herself years ago and now I want to kill myself too')).toBe(true);
    expect(flags('Since my husband died I have nothing to live for')).toBe(true);
  });
});

describe('policy decisions', () => {
  it('flags another person’s overdose now (the writer is a helper), but not one in the past', () => {
    expect(detectCrisis('My son has taken an overdose').kind).toBe('someone_else_at_risk');
    expect(flags('My son took an overdose')).toBe(true);
    expect(flags('My aunt took an overdose in the nineties')).toBe(false);
    expect(flags('My grandson overdosed and died in March')).toBe(false);
  });

  it('flags the person’s own past attempt, but not historic abuse', () => {
    expect(flags('I tried to kill myself years ago')).toBe(true);
    expect(flags('I was abused as a child and want a support group')).toBe(false);
    expect(flags('My stepdad abused me when I was little')).toBe(false);
    expect(flags('My stepdad abuses me')).toBe(true);
  });

  it('treats "kys" at the bot as hostility, being told it as bullying, and self-directed use as crisis', () => {
    expect(flags('kys')).toBe(false);
    expect(detectCrisis('they keep telling me to kys').kind).toBe('abuse_or_danger');
    expect(detectCrisis('i should just kys').kind).toBe('suicide');
  });

  it('lets an accident excuse self-injury words only when nothing says it was deliberate', () => {
    expect(flags('I burned myself with the iron')).toBe(false);
    expect(flags('I burned myself with the iron on purpose')).toBe(true);
  });

  it('treats "kill me" threats as idiom only with an everyday condition, and violence never', () => {
    expect(flags('My wife will kill me when she sees the bill')).toBe(false);
    expect(flags("He'll hurt me if I tell anyone")).toBe(true);
    expect(flags("I'm going to batter him when he gets home")).toBe(true);
    expect(flags("I'll murder him when he gets home, he ate my cake")).toBe(false);
  });
});

describe('exceptions excuse only the everyday reading, not the crisis one next to it', () => {
  it.each([
    ["I'm going to take all my tablets with breakfast", "i'm going to take all my tablets with vodka"],
    ["I'd rather die than go to zumba", "I'd rather be dead than live like this"],
    ["I don't want to live in a flat", "I don't want to live in this world anymore"],
    ["I don't want to live with my son", "I don't want to live with this pain"],
    ['I want to end it with him', "I'm going to end it with pills"],
    ["I'm tired of living on my own", "I'm tired of living with this depression"],
    ['I want to disappear from social media', 'I want to disappear from this world'],
    ['I hurt myself while gardening', 'I hurt myself while everyone was asleep'],
    ['I hurt myself doing yoga', 'I hurt myself doing it again'],
    ["My mum will kill me if I'm late", 'He will kill me if I leave'],
    ["I'm killing myself working overtime", 'I will kill myself to make them sorry'],
    ['I cut myself on the tin', 'I cut myself on the arm'],
    ["I'm going to jump off the wall at the trampoline park", "I'm going to jump off the bridge at midnight"],
    ['Dw i ddim eisiau byw mewn fflat', 'Dw i ddim eisiau byw mewn poen'],
    ['Dydy hi ddim yn ddiogel i gerdded yn y nos', 'Dw i ddim yn ddiogel i fynd adref'],
  ])('%j is not crisis, %j is', (everyday, crisis) => {
    expect(flags(everyday)).toBe(false);
    expect(flags(crisis)).toBe(true);
  });
});

describe('robustness', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   \n\t '],
    ['punctuation only', '?!...,,,;;'],
    ['emoji', '😢😢😢 🙏🏽 👨‍👩‍👧'],
    ['odd unicode', '\u0000\u200b\u200d\ufeff\ud800 \u202e gnirts'],
    ['combining marks', 'Z̸̢͇̀a̶̛͙l̷̨̛g̵o̷'],
    ['Welsh accents', 'Ŵyr ŷd â thŷ'],
    ['numbers', '07700 900123 2 4 2b'],
  ])('answers without throwing for %s', (_name, text) => {
    expect(detectCrisis(text)).toEqual({ crisis: false });
  });

  it('treats non-string input from untyped callers as no crisis', () => {
    expect(detectCrisis(undefined as unknown as string)).toEqual({ crisis: false });
    expect(detectCrisis(42 as unknown as string)).toEqual({ crisis: false });
  });

  it('handles 20,000-character messages, finding crisis text at the end, quickly', () => {
    const filler = 'I like gardening and walking. '.repeat(700).slice(0, 20_000);
    const started = performance.now();
    expect(detectCrisis(filler)).toEqual({ crisis: false });
    expect(detectCrisis(`${filler} I want to die`).crisis).toBe(true);
    expect(detectCrisis('a'.repeat(20_000)).crisis).toBe(false);
    expect(detectCrisis('die '.repeat(5_000)).crisis).toBe(false);
    expect(detectCrisis("I don't want to die. ".repeat(1_000)).crisis).toBe(false);
    expect(detectCrisis('😢'.repeat(10_000)).crisis).toBe(false);
    // About 150 ms on a quiet machine; the bound allows for a busy one, not for runaway backtracking.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('is deterministic', () => {
    for (const { text } of messages.slice(0, 50)) expect(detectCrisis(text)).toEqual(detectCrisis(text));
  });
});

describe('speed', () => {
  // The median of many calls, so a busy machine's pauses do not fail the test; a pathological
  // rule (runaway backtracking) moves the median by orders of magnitude, not by a few per cent.
  it('a typical message is checked in well under a millisecond (median of 10,000 calls)', () => {
    const texts = messages.map((m) => m.text);
    for (const t of texts) detectCrisis(t); // warm up
    const durations: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const started = performance.now();
      detectCrisis(texts[i % texts.length]);
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    expect(durations[durations.length / 2]).toBeLessThan(1);
  });
});
