/**
 * Builds cognitiveModels/front-door.json, the Front Door CLU project in the Language Studio import
 * format, from the hand-written utterances in scripts/clu-model/utterances.ts.
 *   npx tsx scripts/build-clu-model.ts          write the file
 *   npx tsx scripts/build-clu-model.ts --check  exit 1 if the committed file is out of date
 * Deterministic: the same utterances always give the same file. One in five utterances of each intent
 * and language goes to the Test set, so a manual split gives the same evaluation every time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CLU_INTENTS } from '../src/nlu/clu/mapping';
import { UTTERANCES, type IntentName } from './clu-model/utterances';

export const MODEL_PATH = path.join(__dirname, '..', 'cognitiveModels', 'front-door.json');

/** CLU language codes: British English is the project's primary language; Welsh is "cy". */
export const MODEL_LANGUAGES = { en: 'en-gb', cy: 'cy' } as const;

export interface CluUtterance {
  text: string;
  language: string;
  intent: string;
  dataset: 'Train' | 'Test';
}

export interface CluProject {
  projectFileVersion: string;
  stringIndexType: string;
  metadata: {
    projectKind: 'Conversation';
    projectName: string;
    multilingual: boolean;
    description: string;
    language: string;
    settings: { confidenceThreshold: number };
  };
  assets: {
    projectKind: 'Conversation';
    intents: { category: string }[];
    entities: unknown[];
    utterances: CluUtterance[];
  };
}

export function buildCluModel(): CluProject {
  const utterances: CluUtterance[] = [];
  for (const intent of CLU_INTENTS as IntentName[]) {
    for (const lang of ['en', 'cy'] as const) {
      UTTERANCES[intent][lang].forEach((text, index) => {
        utterances.push({ text, language: MODEL_LANGUAGES[lang], intent, dataset: index % 5 === 4 ? 'Test' : 'Train' });
      });
    }
  }
  return {
    projectFileVersion: '2022-10-01-preview',
    stringIndexType: 'Utf16CodeUnit',
    metadata: {
      projectKind: 'Conversation',
      projectName: 'front-door',
      multilingual: true,
      description:
        'Front Door social prescribing: what matters to the person (one intent per category), global commands, and crisis language (an extra layer on the local crisis detector). English and Welsh.',
      language: MODEL_LANGUAGES.en,
      // Front Door applies its own thresholds to the scores (src/nlu/clu/mapping.ts).
      settings: { confidenceThreshold: 0 },
    },
    assets: {
      projectKind: 'Conversation',
      intents: CLU_INTENTS.map((category) => ({ category })),
      entities: [],
      utterances,
    },
  };
}

export function serialiseModel(model: CluProject): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

if (require.main === module) {
  const text = serialiseModel(buildCluModel());
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(MODEL_PATH, 'utf8');
    } catch {
      // missing: reported below
    }
    if (current !== text) {
      console.error(`${path.relative(process.cwd(), MODEL_PATH)} is out of date: run npx tsx scripts/build-clu-model.ts`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), MODEL_PATH)} is up to date`);
  } else {
    writeFileSync(MODEL_PATH, text);
    const model = JSON.parse(text) as CluProject;
    console.log(`Wrote ${path.relative(process.cwd(), MODEL_PATH)}: ${model.assets.intents.length} intents, ${model.assets.utterances.length} utterances`);
  }
}
