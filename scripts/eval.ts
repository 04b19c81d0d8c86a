/**
 * `npm run eval`: offline quality measures for the language components, one section each.
 * Exits non-zero when a section misses its targets. Add further sections (e.g. intent extraction) to SECTIONS.
 */
import { runCategoriesEval } from './eval/categories';
import { runCrisisEval } from './eval/crisis';
import { runMatchingEval } from './eval/matching';

interface Section {
  readonly title: string;
  /** Prints its report; returns whether its targets are met. */
  readonly run: (log: (line: string) => void) => boolean | Promise<boolean>;
}

const SECTIONS: readonly Section[] = [
  { title: 'Crisis detection', run: runCrisisEval },
  { title: 'Category extraction (offline)', run: runCategoriesEval },
  { title: 'Extraction feeds matching', run: runMatchingEval },
];

async function main(): Promise<void> {
  let allMet = true;
  for (const section of SECTIONS) {
    console.log(`== ${section.title} ${'='.repeat(Math.max(0, 70 - section.title.length))}`);
    const met = await section.run((line) => console.log(line));
    console.log('');
    allMet &&= met;
  }
  if (!allMet) {
    console.log('Some targets were missed.');
    process.exitCode = 1;
  }
}

void main();
