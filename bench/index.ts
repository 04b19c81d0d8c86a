/**
 * `npm run bench`: performance as ratios against baselines measured in the same run
 * (these machines are noisy; absolute numbers alone mean little). `npm run bench -- store`, `-- turns`, `-- directline` or `-- ranking`
 * runs one section.
 */
import os from 'node:os';
import { benchDirectLine } from './directline';
import { benchRanking } from './ranking';
import { benchStore } from './store';
import { benchTurns } from './turns';

const SECTIONS: Record<string, () => Promise<boolean>> = {
  store: benchStore,
  turns: benchTurns,
  directline: benchDirectLine,
  ranking: benchRanking,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS[name]);
  if (unknown.length > 0) {
    console.error(`Unknown bench section(s): ${unknown.join(', ')}. Sections: ${Object.keys(SECTIONS).join(', ')}`);
    process.exit(2);
  }
  console.log(`Front Door bench on ${process.version}, ${os.cpus().length} cores`);
  let allMet = true;
  for (const [name, run] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    allMet = (await run()) && allMet;
  }
  console.log(allMet ? '\nAll targets met.' : '\nSome targets were missed (see MISS above).');
}

main().catch((error: Error) => {
  console.error(`Bench failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
