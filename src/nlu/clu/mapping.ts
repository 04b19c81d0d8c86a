import { CATEGORIES, isCategory, type Category } from '../../directory/categories';
import type { GlobalCommand } from '../commands';
import type { CategoryEvidence, Recognition } from '../recognizer';

/**
 * The CLU project's intent names and how a CLU prediction becomes a Recognition. The project in
 * cognitiveModels/front-door.json is built from these names (scripts/build-clu-model.ts), and its
 * check (scripts/check-clu-model.ts) holds the two together.
 */

export const COMMAND_INTENTS = {
  command_help: { name: 'help' },
  command_restart: { name: 'restart' },
  command_stop: { name: 'stop' },
  command_resume: { name: 'resume' },
  command_human: { name: 'human' },
  command_delete: { name: 'delete' },
  command_language: { name: 'language' },
} as const satisfies Record<string, GlobalCommand>;

export type CommandIntent = keyof typeof COMMAND_INTENTS;

export const CRISIS_INTENT = 'crisis';
/** CLU's built-in intent for "none of the above"; every project has it. */
export const NONE_INTENT = 'None';

/** Every intent the project defines: one per category, one per global command, crisis, and None. */
export const CLU_INTENTS: readonly string[] = [...CATEGORIES, ...Object.keys(COMMAND_INTENTS), CRISIS_INTENT, NONE_INTENT];

export interface CluIntent {
  category: string;
  /** 0..1 */
  confidence: number;
}

export interface CluPrediction {
  topIntent?: string;
  intents: CluIntent[];
}

export interface Thresholds {
  /** A category intent at or above this becomes category evidence. */
  category: number;
  /** The crisis intent at or above this makes the recognition crisis (on top of the local detector). */
  crisis: number;
  /** A command only from a confident top intent: acting on a wrong command (e.g. delete) is costly. */
  command: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { category: 0.5, crisis: 0.5, command: 0.8 };

function isCommandIntent(name: string): name is CommandIntent {
  return Object.prototype.hasOwnProperty.call(COMMAND_INTENTS, name);
}

function topOf(prediction: CluPrediction): CluIntent | undefined {
  const named = prediction.topIntent ? prediction.intents.find((i) => i.category === prediction.topIntent) : undefined;
  return named ?? [...prediction.intents].sort((a, b) => b.confidence - a.confidence)[0];
}

/**
 * Combines CLU's prediction with the offline recogniser's answer for the same text.
 * - categories: the union. CLU's confident categories come first, strongest first (its ranking sees
 *   the whole sentence); offline-only ones follow in offline order. Offline words are kept so a match
 *   can still be explained; a category CLU alone found has no words.
 * - crisis: offline OR CLU. The CLU intent is an extra layer on the local detector, never a replacement.
 * - command: offline's when it has one (an exact phrase match), else a confident CLU top intent. A
 *   message that is exactly a command ("help") is not also a statement of need: no categories then.
 */
export function mergeRecognition(prediction: CluPrediction, offline: Recognition, thresholds: Thresholds = DEFAULT_THRESHOLDS): Recognition {
  const crisis = offline.crisis || cluCrisisOf(prediction, thresholds);
  if (offline.command) return { command: { ...offline.command }, categories: [], crisis, source: 'clu' };

  const offlineWords = new Map<Category, string[]>(offline.categories.map((c) => [c.category, c.words]));
  const categories: CategoryEvidence[] = [];
  const seen = new Set<Category>();
  const confident = prediction.intents
    .filter((i) => isCategory(i.category) && i.confidence >= thresholds.category)
    .sort((a, b) => b.confidence - a.confidence);
  for (const intent of confident) {
    const category = intent.category as Category;
    if (seen.has(category)) continue;
    seen.add(category);
    categories.push({ category, words: [...(offlineWords.get(category) ?? [])] });
  }
  for (const evidence of offline.categories) {
    if (seen.has(evidence.category)) continue;
    seen.add(evidence.category);
    categories.push({ category: evidence.category, words: [...evidence.words] });
  }

  const top = topOf(prediction);
  let command: GlobalCommand | undefined;
  if (top && isCommandIntent(top.category) && top.confidence >= thresholds.command) {
    command = { ...COMMAND_INTENTS[top.category] };
  }

  const recognition: Recognition = { categories, crisis, source: 'clu' };
  if (command) recognition.command = command;
  return recognition;
}

function cluCrisisOf(prediction: CluPrediction, thresholds: Thresholds): boolean {
  const crisisIntent = prediction.intents.find((i) => i.category === CRISIS_INTENT);
  return (crisisIntent?.confidence ?? 0) >= thresholds.crisis;
}
