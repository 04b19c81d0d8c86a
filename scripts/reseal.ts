/**
 * `npm run reseal`: seals every stored field that holds what people wrote under FIELD_ENCRYPTION_KEY:
 * values stored before a key was set, and values sealed under a key now in
 * FIELD_ENCRYPTION_PREVIOUS_KEYS (rotation). When it finishes with nothing left over, the older keys
 * can be removed from FIELD_ENCRYPTION_PREVIOUS_KEYS.
 *
 * Works on MONGODB_URI, or on the embedded database in ./data/db when it is unset (stop `npm start`
 * first: only one process can open the embedded database). With a real MongoDB it can run beside
 * Front Door: a document written meanwhile is read again, never overwritten.
 */
import { SEALED_FIELDS } from '../src/privacy';
import { enableFieldEncryption, FieldCipher } from '../src/store';
import { resealAll } from '../src/store/reseal';
import { runOnConfiguredDatabase } from './configuredDatabase';

function main(): Promise<number> {
  return runOnConfiguredDatabase(async (database, config) => {
    const { key, previousKeys } = config.fieldEncryption;
    if (!key) {
      console.error('npm run reseal needs FIELD_ENCRYPTION_KEY: the key to seal everything with (e.g. from: openssl rand -base64 32).');
      return 1;
    }
    const cipher = FieldCipher.withKeys(key, previousKeys);
    try {
      console.log(await enableFieldEncryption(database.db, cipher));
      const reports = await resealAll(database.db, cipher, SEALED_FIELDS, (line) => console.log(line));
      let busy = 0;
      for (const [collection, report] of Object.entries(reports)) {
        console.log(`${collection}: ${report.resealed} re-sealed, ${report.unchanged} already sealed or empty, ${report.busy} busy`);
        busy += report.busy;
      }
      if (busy > 0) {
        console.error(`${busy} document(s) kept changing while this ran: run npm run reseal again before removing old keys.`);
        return 1;
      }
      console.log(`Done: everything is sealed under key ${cipher.keyId}. Keys in FIELD_ENCRYPTION_PREVIOUS_KEYS are no longer needed.`);
      return 0;
    } catch (error) {
      console.error(`npm run reseal failed: ${(error as Error).message}`);
      return 1;
    }
  });
}

main().then((code) => process.exit(code));
