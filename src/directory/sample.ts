import path from 'node:path';
import type { Db } from 'mongodb';
import { importServices, servicesCollection } from './import';
import { readJsonFile } from './sources';

/** The fictional town's directory shipped with Front Door (data/sample-directory/). */
export const SAMPLE_DIRECTORY_FILE = path.resolve(__dirname, '../../data/sample-directory/services.json');
export const SAMPLE_SOURCE = 'sample';

/**
 * Loads the sample directory when the directory is empty, so a fresh `npm start` has activities
 * to suggest. A directory that holds anything (an operator's import) is left alone.
 */
export async function loadSampleDirectoryIfEmpty(db: Db, log: (line: string) => void): Promise<boolean> {
  if ((await servicesCollection(db).estimatedDocumentCount()) > 0) return false;
  const { payload } = await readJsonFile(SAMPLE_DIRECTORY_FILE);
  const report = await importServices(db, payload, { source: SAMPLE_SOURCE, full: true });
  log(`Sample directory loaded: ${report.imported} activities (fictional town; your first npm run import retires it)`);
  return true;
}

/**
 * After an operator imports their own directory, the fictional one must never be suggested next
 * to it (people would be sent to places that do not exist): its activities are marked inactive.
 */
export async function retireSampleDirectory(db: Db): Promise<number> {
  const at = new Date();
  const result = await servicesCollection(db).updateMany({ source: SAMPLE_SOURCE, status: 'active' }, { $set: { status: 'inactive', updatedAt: at } });
  return result.modifiedCount;
}
