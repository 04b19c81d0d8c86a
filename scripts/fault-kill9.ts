/**
 * `npm run fault -- [rounds]`: kill -9 the embedded server mid-burst, restart, check that every
 * acknowledged insert survived. Default 20 rounds on one data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { kill9Round } from '../test/helpers/kill9';

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 20);
  const dbPath = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-fault-'));
  let failures = 0;
  try {
    for (let r = 1; r <= rounds; r++) {
      const result = await kill9Round(dbPath);
      if (result.missing > 0) failures++;
      console.log(`round ${r}/${rounds}: ${result.acknowledged} acknowledged, ${result.present} present after restart, ${result.missing} missing`);
    }
  } finally {
    rmSync(dbPath, { recursive: true, force: true });
  }
  console.log(failures === 0 ? `All ${rounds} rounds kept every acknowledged write.` : `${failures} of ${rounds} rounds lost acknowledged writes.`);
  process.exit(failures === 0 ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(`Fault script failed: ${error.message}`);
  process.exit(1);
});
