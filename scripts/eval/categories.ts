/**
 * Category extraction evaluation: scores the offline recogniser on the labelled set in
 * test/fixtures/nlu/categories.json. Used by `npm run eval` (printing) and test/nlu/categories.test.ts
 * (asserting), so both use one definition of the figures (src/nlu/categories/metrics.ts).
 *
 * Read the figures with care. The tuning set was written before the extractor ran, but by the person
 * who then wrote the lexicons, and the lexicons were tuned on it: it measures regressions. Texts with a
 * `round` were written blind, after tuning, in rounds; a round not yet in TUNED_ROUNDS has never been
 * tuned on and is the fairer estimate. BLIND_ROUNDS keeps each round's scores from before tuning on it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CATEGORIES } from '../../src/directory/categories';
import { extractCategories, scoreCategorySet, type CategorySetScore } from '../../src/nlu/categories';

export const FIXTURE_PATH = join(__dirname, '..', '..', 'test', 'fixtures', 'nlu', 'categories.json');

const itemSchema = z
  .object({
    id: z.string().min(1),
    lang: z.enum(['en', 'cy']),
    /** What sort of text this is (short, rambling, typo, negation, none, welsh, ordinary). */
    kind: z.string().min(1),
    text: z.string().min(1),
    categories: z.array(z.enum(CATEGORIES)),
    /** The blind round the text was written in, after tuning on the rounds before it (absent: tuning set). */
    round: z.number().int().positive().optional(),
  })
  .strict();

export type CategoryItem = z.infer<typeof itemSchema>;

export const TARGETS = { microF1: 0.8, macroF1: 0.7 } as const;

/** The first run of the extractor on the tuning set, before any tuning (kept for the record). */
export const FIRST_RUN = {
  items: 154,
  microPrecision: 0.863,
  microRecall: 0.981,
  microF1: 0.918,
  macroF1: 0.94,
  note: 'first complete run, before tuning',
} as const;

/** Blind rounds that the lexicons have since been tuned on (they then only measure regressions). */
export const TUNED_ROUNDS: readonly number[] = [1, 2, 3];

/** Each blind round as first scored, before any tuning on it. */
export const BLIND_ROUNDS: readonly { round: number; texts: number; microF1: number; macroF1: number; note: string }[] = [
  { round: 1, texts: 35, microF1: 0.758, macroF1: 0.705, note: 'after tuning on the 154-text set' },
  { round: 2, texts: 35, microF1: 0.7, macroF1: 0.654, note: 'after tuning on the set and round 1' },
  { round: 3, texts: 35, microF1: 0.772, macroF1: 0.695, note: 'after tuning on the set and rounds 1-2' },
  { round: 4, texts: 40, microF1: 0.761, macroF1: 0.719, note: 'after tuning on the set and rounds 1-3; the hold-out' },
];

/** Never tuned on: written after the last tuning. */
export const isBlind = (item: CategoryItem): boolean => item.round !== undefined && !TUNED_ROUNDS.includes(item.round);

export function loadCategoryFixture(path: string = FIXTURE_PATH): CategoryItem[] {
  const items = z.array(itemSchema).parse(JSON.parse(readFileSync(path, 'utf8')));
  const ids = new Set(items.map((i) => i.id));
  if (ids.size !== items.length) throw new Error('Duplicate ids in the category fixture');
  return items;
}

export function scoreCategories(items: readonly CategoryItem[]): CategorySetScore<CategoryItem> {
  return scoreCategorySet(items, (item) => extractCategories(item.text, item.lang).map((e) => e.category));
}

export const meetsTargets = (score: CategorySetScore<CategoryItem>): boolean =>
  score.microF1 >= TARGETS.microF1 && score.macroF1 >= TARGETS.macroF1;

const f = (x: number): string => x.toFixed(3);

function printTable(score: CategorySetScore<CategoryItem>, log: (line: string) => void): void {
  log(`${'category'.padEnd(20)} ${'support'.padStart(7)} ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}  precision  recall     F1`);
  for (const r of score.rows) {
    log(
      `${r.category.padEnd(20)} ${String(r.support).padStart(7)} ${String(r.truePositives).padStart(4)} ` +
        `${String(r.falsePositives).padStart(4)} ${String(r.falseNegatives).padStart(4)}  ${f(r.precision).padStart(9)}  ` +
        `${f(r.recall).padStart(6)}  ${f(r.f1)}`,
    );
  }
}

const summary = (s: CategorySetScore<CategoryItem>): string =>
  `micro P ${f(s.microPrecision)} R ${f(s.microRecall)} F1 ${f(s.microF1)}, macro F1 ${f(s.macroF1)}, exact ${s.exact}/${s.total}`;

/** Mean microseconds per text over the fixture. */
function timePerText(items: readonly CategoryItem[], rounds: number): number {
  const start = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) for (const item of items) extractCategories(item.text, item.lang);
  return Number(process.hrtime.bigint() - start) / 1000 / (rounds * items.length);
}

/** Prints the categories section of `npm run eval`. Returns whether the targets are met. */
export function runCategoriesEval(log: (line: string) => void = console.log): boolean {
  const items = loadCategoryFixture();
  const tuning = items.filter((i) => !isBlind(i));
  const blind = items.filter(isBlind);
  const all = scoreCategories(items);

  log(`Offline category extraction: ${items.length} labelled texts (${FIXTURE_PATH})`);
  log('');
  printTable(all, log);
  log('');
  const mark = (ok: boolean): string => (ok ? 'ok  ' : 'FAIL');
  log(`${mark(all.microF1 >= TARGETS.microF1)} micro F1 ${f(all.microF1)} (target >= ${TARGETS.microF1})`);
  log(`${mark(all.macroF1 >= TARGETS.macroF1)} macro F1 ${f(all.macroF1)} (target >= ${TARGETS.macroF1}; over categories in the labels)`);
  log(`     all texts          ${summary(all)}`);
  log(`     tuned on           ${summary(scoreCategories(tuning))}`);
  if (blind.length > 0) log(`     written blind      ${summary(scoreCategories(blind))} (never tuned on)`);
  for (const lang of ['en', 'cy'] as const) {
    log(`     language ${lang}        ${summary(scoreCategories(items.filter((i) => i.lang === lang)))}`);
  }
  log(
    `     first run (before tuning, ${FIRST_RUN.items} texts): micro P ${f(FIRST_RUN.microPrecision)} ` +
      `R ${f(FIRST_RUN.microRecall)} F1 ${f(FIRST_RUN.microF1)}, macro F1 ${f(FIRST_RUN.macroF1)}`,
  );
  for (const r of BLIND_ROUNDS) {
    log(`     blind round ${r.round} as first scored (${r.texts} texts, ${r.note}): micro F1 ${f(r.microF1)}, macro F1 ${f(r.macroF1)}`);
  }
  log(`     mean time per text ${timePerText(items, 20).toFixed(1)} µs`);
  if (blind.length > 0) {
    log('');
    log(`Written blind (${blind.length} texts, never tuned on):`);
    printTable(scoreCategories(blind), log);
  }
  if (all.wrong.length > 0) {
    log('');
    log('Differences from the labels:');
    for (const w of all.wrong) {
      const parts = [w.missed.length > 0 ? `missed ${w.missed.join(', ')}` : '', w.extra.length > 0 ? `extra ${w.extra.join(', ')}` : '']
        .filter((p) => p.length > 0)
        .join('; ');
      log(`  ${w.item.id}${isBlind(w.item) ? ' (blind)' : ''}: ${parts}  ${JSON.stringify(w.item.text)}`);
    }
  }
  return meetsTargets(all);
}
