/**
 * Precision, recall and F1 for multi-label category extraction, per category and overall.
 * Micro figures pool every decision; macro F1 averages the per-category F1 over the categories that
 * appear in the labels (a category nobody mentioned cannot be recalled, only wrongly guessed).
 */
import type { Category } from '../../directory/categories';

export interface LabelledText {
  id: string;
  lang: 'en' | 'cy';
  text: string;
  categories: readonly Category[];
}

export interface CategoryRow {
  category: Category;
  /** How many texts are labelled with it. */
  support: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TextResult<T extends LabelledText = LabelledText> {
  item: T;
  predicted: Category[];
  missed: Category[];
  extra: Category[];
}

export interface CategorySetScore<T extends LabelledText = LabelledText> {
  rows: CategoryRow[];
  microPrecision: number;
  microRecall: number;
  microF1: number;
  macroF1: number;
  /** Texts where the prediction differs from the labels. */
  wrong: TextResult<T>[];
  /** Texts predicted exactly right. */
  exact: number;
  total: number;
}

const f1Of = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
/** 0/0 is taken as 1: nothing predicted and nothing expected is not an error. */
const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

/** Scores `predict` against labelled texts. `predict` returns the categories it finds in a text. */
export function scoreCategorySet<T extends LabelledText>(
  items: readonly T[],
  predict: (item: T) => readonly Category[],
): CategorySetScore<T> {
  const counts = new Map<Category, { support: number; tp: number; fp: number; fn: number }>();
  const countFor = (c: Category) => {
    const entry = counts.get(c) ?? { support: 0, tp: 0, fp: 0, fn: 0 };
    counts.set(c, entry);
    return entry;
  };
  const wrong: TextResult<T>[] = [];
  let exact = 0;
  for (const item of items) {
    const expected = new Set(item.categories);
    const predicted = [...new Set(predict(item))];
    for (const c of expected) countFor(c).support++;
    for (const c of predicted) {
      if (expected.has(c)) countFor(c).tp++;
      else countFor(c).fp++;
    }
    const missed = [...expected].filter((c) => !predicted.includes(c));
    for (const c of missed) countFor(c).fn++;
    const extra = predicted.filter((c) => !expected.has(c));
    if (missed.length === 0 && extra.length === 0) exact++;
    else wrong.push({ item, predicted, missed, extra });
  }
  const rows: CategoryRow[] = [...counts.entries()]
    .map(([category, n]) => {
      const precision = ratio(n.tp, n.tp + n.fp);
      const recall = ratio(n.tp, n.tp + n.fn);
      return {
        category,
        support: n.support,
        truePositives: n.tp,
        falsePositives: n.fp,
        falseNegatives: n.fn,
        precision,
        recall,
        f1: f1Of(precision, recall),
      };
    })
    .sort((a, b) => b.support - a.support || a.category.localeCompare(b.category));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const n of counts.values()) {
    tp += n.tp;
    fp += n.fp;
    fn += n.fn;
  }
  const microPrecision = ratio(tp, tp + fp);
  const microRecall = ratio(tp, tp + fn);
  const labelled = rows.filter((r) => r.support > 0);
  const macroF1 = labelled.length === 0 ? 1 : labelled.reduce((sum, r) => sum + r.f1, 0) / labelled.length;
  return {
    rows,
    microPrecision,
    microRecall,
    microF1: f1Of(microPrecision, microRecall),
    macroF1,
    wrong,
    exact,
    total: items.length,
  };
}
