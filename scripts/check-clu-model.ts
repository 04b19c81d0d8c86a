/**
 * Checks a CLU project file against the Language Studio import format and Front Door's rules:
 *   npx tsx scripts/check-clu-model.ts [file]   (default cognitiveModels/front-door.json)
 * Prints every problem found and exits 1, or prints a summary and exits 0.
 * Rules beyond the format: the category intents are exactly the CATEGORIES vocabulary; the command,
 * crisis and None intents are there; every intent has training utterances in English and Welsh (at
 * least MIN_PER_LANGUAGE each); every utterance names a defined intent; no utterance appears twice.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CATEGORIES } from '../src/directory/categories';
import { COMMAND_INTENTS, CRISIS_INTENT, NONE_INTENT } from '../src/nlu/clu/mapping';

export const DEFAULT_MODEL_PATH = path.join(__dirname, '..', 'cognitiveModels', 'front-door.json');
export const REQUIRED_LANGUAGES = ['en-gb', 'cy'] as const;
export const MIN_PER_LANGUAGE = 8;
/** CLU's limit on an utterance's length. */
const MAX_UTTERANCE_LENGTH = 500;

const name = z.string().regex(/^[A-Za-z0-9_.-]{1,50}$/, 'letters, digits, _ . - only (at most 50)');

const EntityLabelSchema = z.object({ category: z.string().min(1), offset: z.number().int().min(0), length: z.number().int().min(1) });

const ProjectSchema = z.object({
  projectFileVersion: z.string().regex(/^\d{4}-\d{2}-\d{2}(-preview)?$/, 'must be an API version such as 2022-10-01-preview'),
  stringIndexType: z.enum(['Utf16CodeUnit', 'Utf8CodeUnit', 'Utf32CodeUnit']),
  metadata: z.object({
    projectKind: z.literal('Conversation'),
    projectName: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, 'letters, digits, _ . - only'),
    multilingual: z.boolean(),
    description: z.string().optional(),
    language: z.string().min(2),
    settings: z.object({ confidenceThreshold: z.number().min(0).max(1) }).optional(),
  }),
  assets: z.object({
    projectKind: z.literal('Conversation'),
    intents: z.array(z.object({ category: name })),
    entities: z.array(z.object({ category: name }).loose()),
    utterances: z.array(
      z.object({
        text: z.string().trim().min(1, 'must not be empty').max(MAX_UTTERANCE_LENGTH),
        language: z.string().min(2),
        intent: z.string().min(1),
        dataset: z.enum(['Train', 'Test']).optional(),
        entities: z.array(EntityLabelSchema).optional(),
      }),
    ),
  }),
});

export type CheckedProject = z.infer<typeof ProjectSchema>;

/** Two utterances that differ only in case, spacing or apostrophe style are the same utterance. */
export function normaliseUtterance(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim();
}

/** Every problem with `model` (already parsed from JSON); empty when it is fine. */
export function checkCluModel(model: unknown): string[] {
  const parsed = ProjectSchema.safeParse(model);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `format: ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
  }
  const { metadata, assets } = parsed.data;
  const problems: string[] = [];

  if (!metadata.multilingual) problems.push('metadata.multilingual must be true (the project has English and Welsh utterances)');
  if (metadata.language !== 'en-gb') problems.push(`metadata.language is "${metadata.language}"; expected "en-gb"`);

  const intents = assets.intents.map((i) => i.category);
  const intentSet = new Set(intents);
  for (const intent of new Set(intents.filter((i, index) => intents.indexOf(i) !== index))) problems.push(`intent "${intent}" is defined more than once`);

  // Category intents must be the vocabulary exactly: a missing one can never be recognised, an extra
  // one is a category the rest of Front Door does not know.
  const nonCategory = new Set<string>([...Object.keys(COMMAND_INTENTS), CRISIS_INTENT, NONE_INTENT]);
  const categoryIntents = new Set(intents.filter((i) => !nonCategory.has(i)));
  for (const category of CATEGORIES) if (!categoryIntents.has(category)) problems.push(`category intent "${category}" is missing`);
  for (const intent of categoryIntents) {
    if (!(CATEGORIES as readonly string[]).includes(intent)) problems.push(`intent "${intent}" is not a category in src/directory/categories.ts (nor a command, crisis or None)`);
  }
  for (const intent of nonCategory) if (!intentSet.has(intent)) problems.push(`intent "${intent}" is missing`);

  const counts = new Map<string, number>();
  const seen = new Map<string, number>();
  assets.utterances.forEach((utterance, index) => {
    const where = `utterance ${index} ("${utterance.text.slice(0, 40)}")`;
    if (!intentSet.has(utterance.intent)) problems.push(`${where}: intent "${utterance.intent}" is not defined`);
    if (!(REQUIRED_LANGUAGES as readonly string[]).includes(utterance.language)) {
      problems.push(`${where}: language "${utterance.language}" is not one of ${REQUIRED_LANGUAGES.join(', ')}`);
    }
    for (const label of utterance.entities ?? []) {
      if (label.offset + label.length > utterance.text.length) problems.push(`${where}: entity "${label.category}" runs past the end of the text`);
    }
    const key = `${utterance.language}\u0000${normaliseUtterance(utterance.text)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const other = assets.utterances[first];
      problems.push(`${where}: duplicate of utterance ${first}${other.intent !== utterance.intent ? ` (labelled "${other.intent}" there, "${utterance.intent}" here)` : ''}`);
    } else {
      seen.set(key, index);
    }
    if ((utterance.dataset ?? 'Train') === 'Train') {
      const countKey = `${utterance.intent}\u0000${utterance.language}`;
      counts.set(countKey, (counts.get(countKey) ?? 0) + 1);
    }
  });

  for (const intent of intents) {
    for (const language of REQUIRED_LANGUAGES) {
      const count = counts.get(`${intent}\u0000${language}`) ?? 0;
      if (count < MIN_PER_LANGUAGE) problems.push(`intent "${intent}" has ${count} training utterances in "${language}"; needs at least ${MIN_PER_LANGUAGE}`);
    }
  }
  return problems;
}

export function checkCluModelFile(file: string): string[] {
  let model: unknown;
  try {
    model = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return [`${file}: cannot read it as JSON (${(error as Error).message})`];
  }
  return checkCluModel(model);
}

if (require.main === module) {
  const file = path.resolve(process.argv[2] ?? DEFAULT_MODEL_PATH);
  const problems = checkCluModelFile(file);
  const shown = path.relative(process.cwd(), file);
  if (problems.length > 0) {
    console.error(`${shown}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exit(1);
  }
  const model = JSON.parse(readFileSync(file, 'utf8')) as CheckedProject;
  const byLanguage = REQUIRED_LANGUAGES.map((lang) => `${model.assets.utterances.filter((u) => u.language === lang).length} ${lang}`).join(', ');
  console.log(`${shown}: OK (${model.assets.intents.length} intents, ${model.assets.utterances.length} utterances: ${byLanguage})`);
}
