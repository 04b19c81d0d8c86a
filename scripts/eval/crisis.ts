/**
 * Crisis detector evaluation: scores the labelled set in test/fixtures/crisis/messages.json.
 * Used by `npm run eval` (printing) and by test/nlu/crisis.test.ts (asserting), so both use one definition
 * of recall and false-positive rate.
 *
 * Read the fixture figures with care: the set was written alongside the rules, and the rules were tuned on
 * it, so it measures regressions, not real-world recall. BLIND_ROUNDS records what fresh messages, written
 * before any tuning on them, scored at the time; each round was then added to the fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { detectCrisis, type CrisisResult } from '../../src/nlu/crisis';
import { RULE_SPECS } from '../../src/nlu/crisis/rules';

export const FIXTURE_PATH = join(__dirname, '..', '..', 'test', 'fixtures', 'crisis', 'messages.json');

const crisisKind = z.enum([
  'suicide',
  'self_harm',
  'harm_to_others',
  'abuse_or_danger',
  'medical_emergency',
  'someone_else_at_risk',
  'sexual_violence',
  'child_at_risk',
]);

const messageSchema = z
  .object({
    text: z.string(),
    crisis: z.boolean(),
    /** What sort of message this is (explicit, idiom, negation, ...), not the CrisisKind. */
    kind: z.string().min(1),
    /** 'other': a few plain statements in other languages people in the UK write in (rules-other.ts). */
    lang: z.enum(['en', 'cy', 'other']),
    /** Expected CrisisKind, for crisis messages. */
    crisisKind: crisisKind.optional(),
    note: z.string().optional(),
  })
  .strict();

export type LabelledMessage = z.infer<typeof messageSchema>;

/** The kinds of non-crisis message the false-positive target is set on. */
export const HARD_NEGATIVE_KINDS: readonly string[] = ['idiom', 'negation', 'grief', 'hobby_violent_words'];

export const TARGETS = {
  explicitRecall: 1,
  overallRecall: 0.98,
  hardNegativeFalsePositiveRate: 0.1,
} as const;

/** Blind held-out rounds, scored before the rules were tuned on them (then added to the fixture). */
export const BLIND_ROUNDS: readonly { round: string; crisisCaught: string; falsePositives: string; note: string }[] = [
  { round: '1', crisisCaught: '26/40 (65%)', falsePositives: '1/40', note: 'first draft of the rules' },
  { round: '2', crisisCaught: '31/46 (67%)', falsePositives: '1/48', note: 'after tuning on round 1' },
  { round: '3', crisisCaught: '14/26 (54%)', falsePositives: '1/16', note: 'written to probe known gaps' },
  { round: '4', crisisCaught: '22/25 (88%)', falsePositives: '0/36', note: 'ordinary mix, after tuning on 1-3' },
  {
    round: '5',
    crisisCaught: '34/42 (81%)',
    falsePositives: '2/38',
    note: 'ordinary mix with SMS shorthand and Welsh, after tuning on 1-4; one "false positive" was the own past self-harm the policy flags',
  },
  { round: '5 cy', crisisCaught: '10/16 (62%)', falsePositives: '0/10', note: 'Welsh only, colloquial (isho, rwan), after tuning on 1-4' },
  {
    round: '6 cy',
    crisisCaught: '4/10 (40%)',
    falsePositives: 'not measured',
    note: 'a tester writing as northern and southern Welsh speakers; the misses were elisions ("dwi\'m", "\'ma") and "cael gwared o\'n hun"',
  },
];

export function loadCrisisFixture(path: string = FIXTURE_PATH): LabelledMessage[] {
  return z.array(messageSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
}

export interface KindRow {
  kind: string;
  crisis: boolean;
  count: number;
  /** Crisis rows: flagged. Non-crisis rows: not flagged. */
  correct: number;
  /** Crisis rows: recall. Non-crisis rows: false-positive rate. */
  rate: number;
}

export interface Failure {
  message: LabelledMessage;
  result: CrisisResult;
}

export interface CrisisScore {
  rows: KindRow[];
  overallRecall: number;
  explicitRecall: number;
  hardNegativeFalsePositiveRate: number;
  overallFalsePositiveRate: number;
  /** Of the crisis messages flagged that have an expected kind, the share given that kind. */
  kindAgreement: number;
  /** Missed crisis messages and flagged non-crisis messages. */
  failures: Failure[];
  /** Flagged crisis messages reported with a different CrisisKind than labelled. */
  kindMismatches: Failure[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/** Scores `detect` on `messages`. `detect` is a parameter so the scoring itself can be tested. */
export function scoreCrisis(
  messages: readonly LabelledMessage[],
  detect: (text: string) => CrisisResult = detectCrisis,
): CrisisScore {
  const groups = new Map<string, KindRow>();
  const failures: Failure[] = [];
  const kindMismatches: Failure[] = [];
  let crisisTotal = 0;
  let crisisHit = 0;
  let explicitTotal = 0;
  let explicitHit = 0;
  let hardTotal = 0;
  let hardFlagged = 0;
  let negTotal = 0;
  let negFlagged = 0;
  let kindTotal = 0;
  let kindSame = 0;

  for (const message of messages) {
    const result = detect(message.text);
    const key = `${message.crisis ? 'crisis' : 'not'}:${message.kind}`;
    const row = groups.get(key) ?? { kind: message.kind, crisis: message.crisis, count: 0, correct: 0, rate: 0 };
    groups.set(key, row);
    row.count++;
    if (result.crisis === message.crisis) row.correct++;
    else failures.push({ message, result });

    if (message.crisis) {
      crisisTotal++;
      if (result.crisis) crisisHit++;
      if (message.kind === 'explicit') {
        explicitTotal++;
        if (result.crisis) explicitHit++;
      }
      if (result.crisis && message.crisisKind !== undefined) {
        kindTotal++;
        if (result.kind === message.crisisKind) kindSame++;
        else kindMismatches.push({ message, result });
      }
    } else {
      negTotal++;
      if (result.crisis) negFlagged++;
      if (HARD_NEGATIVE_KINDS.includes(message.kind)) {
        hardTotal++;
        if (result.crisis) hardFlagged++;
      }
    }
  }

  const rows = [...groups.values()]
    .map((row) => ({ ...row, rate: row.crisis ? ratio(row.correct, row.count) : ratio(row.count - row.correct, row.count) }))
    .sort((a, b) => Number(b.crisis) - Number(a.crisis) || b.count - a.count || a.kind.localeCompare(b.kind));

  return {
    rows,
    overallRecall: ratio(crisisHit, crisisTotal),
    explicitRecall: ratio(explicitHit, explicitTotal),
    hardNegativeFalsePositiveRate: hardTotal === 0 ? 0 : hardFlagged / hardTotal,
    overallFalsePositiveRate: negTotal === 0 ? 0 : negFlagged / negTotal,
    kindAgreement: ratio(kindSame, kindTotal),
    failures,
    kindMismatches,
  };
}

export function meetsTargets(score: CrisisScore): boolean {
  return (
    score.explicitRecall >= TARGETS.explicitRecall &&
    score.overallRecall >= TARGETS.overallRecall &&
    score.hardNegativeFalsePositiveRate <= TARGETS.hardNegativeFalsePositiveRate
  );
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Mean microseconds per call over the fixture texts. */
function timePerMessage(messages: readonly LabelledMessage[], rounds: number): number {
  const texts = messages.map((m) => m.text);
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const t of texts) detectCrisis(t);
  const ns = Number(process.hrtime.bigint() - start);
  return ns / 1000 / (rounds * texts.length);
}

/** Prints the crisis section of `npm run eval`. Returns whether the targets are met. */
export function runCrisisEval(log: (line: string) => void = console.log): boolean {
  const messages = loadCrisisFixture();
  const score = scoreCrisis(messages);

  log(`Crisis detector: ${messages.length} labelled messages (${FIXTURE_PATH})`);
  log('');
  log(`${'side'.padEnd(8)} ${'kind'.padEnd(22)} ${'count'.padStart(5)} ${'correct'.padStart(7)}  measure`);
  for (const row of score.rows) {
    const measure = row.crisis ? `recall ${pct(row.rate)}` : `false positives ${pct(row.rate)}`;
    log(
      `${(row.crisis ? 'crisis' : 'not').padEnd(8)} ${row.kind.padEnd(22)} ${String(row.count).padStart(5)} ` +
        `${String(row.correct).padStart(7)}  ${measure}`,
    );
  }
  for (const lang of ['en', 'cy', 'other'] as const) {
    const s = scoreCrisis(messages.filter((m) => m.lang === lang));
    log(`language ${lang}: recall ${pct(s.overallRecall)}, false positives ${pct(s.overallFalsePositiveRate)}`);
  }
  log('');
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');
  log(`${mark(score.explicitRecall >= TARGETS.explicitRecall)} explicit recall             ${pct(score.explicitRecall)} (target ${pct(TARGETS.explicitRecall)})`);
  log(`${mark(score.overallRecall >= TARGETS.overallRecall)} overall crisis recall       ${pct(score.overallRecall)} (target >= ${pct(TARGETS.overallRecall)})`);
  log(
    `${mark(score.hardNegativeFalsePositiveRate <= TARGETS.hardNegativeFalsePositiveRate)} hard-negative FP rate       ` +
      `${pct(score.hardNegativeFalsePositiveRate)} (target <= ${pct(TARGETS.hardNegativeFalsePositiveRate)}; ${HARD_NEGATIVE_KINDS.join(', ')})`,
  );
  log(`     all non-crisis FP rate      ${pct(score.overallFalsePositiveRate)}`);
  log(`     crisis kind agreement       ${pct(score.kindAgreement)}`);
  log(`     mean time per message       ${timePerMessage(messages, 20).toFixed(1)} µs`);

  log('');
  log('The fixture was written alongside the rules. Blind rounds of fresh messages, before tuning on them:');
  for (const r of BLIND_ROUNDS) {
    log(`     round ${r.round}: crisis caught ${r.crisisCaught.padEnd(12)} false positives ${r.falsePositives.padEnd(5)} (${r.note})`);
  }
  log('');
  // Every rule's documented example must still fire that rule: catches a rule shadowed or broken by an edit.
  const stale = RULE_SPECS.filter((spec) => detectCrisis(spec.example).rule !== spec.id);
  log(`${mark(stale.length === 0)} rule examples firing own rule ${RULE_SPECS.length - stale.length}/${RULE_SPECS.length}`);
  for (const spec of stale) log(`       ${spec.id}: ${JSON.stringify(spec.example)} -> ${detectCrisis(spec.example).rule ?? 'no crisis'}`);

  if (score.failures.length > 0) {
    log('');
    log('Wrong answers:');
    for (const { message, result } of score.failures) {
      const what = message.crisis ? 'missed ' : `flagged (${result.rule ?? '?'})`;
      log(`  ${what} [${message.kind}/${message.lang}] ${JSON.stringify(message.text)}`);
    }
  }
  if (score.kindMismatches.length > 0) {
    log('');
    log('Flagged with a different kind than labelled:');
    for (const { message, result } of score.kindMismatches) {
      log(`  ${message.crisisKind ?? '?'} -> ${result.kind ?? '?'} (${result.rule ?? '?'}) ${JSON.stringify(message.text)}`);
    }
  }
  return meetsTargets(score) && stale.length === 0;
}
