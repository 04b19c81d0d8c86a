import type { Db, IndexDescription } from 'mongodb';
import { Collections } from '../store/collections';
import { declareIndexes } from '../store/indexes';

/**
 * The directory's surface. Importing this module registers the `services` indexes with the store's
 * start-up list (declareIndexes), so `ensureIndexes` / `openDatabase` create them; or call
 * `ensureDirectoryIndexes(db)` directly.
 */
export const DIRECTORY_INDEXES: IndexDescription[] = [
  { key: { source: 1, sourceId: 1 }, name: 'source_1_sourceId_1', unique: true },
  { key: { status: 1 }, name: 'status_1' },
];

declareIndexes(Collections.services, DIRECTORY_INDEXES);

export async function ensureDirectoryIndexes(db: Db): Promise<void> {
  await db.collection(Collections.services).createIndexes(DIRECTORY_INDEXES);
}

export { htmlToText, looksLikeMarkup } from './html';
export {
  importServices,
  extractRecords,
  prepareRecords,
  servicesCollection,
  describeProblem,
  topReasons,
  ImportInputError,
  DEFAULT_BATCH_SIZE,
  type ImportOptions,
  type ImportReport,
  type ImportProgress,
  type RecordProblem,
} from './import';
export { readJsonFile, fetchServicesFromApi, decodeUtf8, isUrl, SourceError, DEFAULT_MAX_FILE_BYTES } from './sources';
export { StoredService, InputService, readStoredService, SERVICE_SCHEMA_VERSION, type ServiceContent } from './schema';
export { loadSampleDirectoryIfEmpty, SAMPLE_DIRECTORY_FILE, SAMPLE_SOURCE } from './sample';
export {
  ActivityList,
  ActivityListError,
  activityListFromDatabase,
  conceptKey,
  findActivity,
  importActivityList,
  loadActivityList,
  parseActivityList,
  taxonomiesCollection,
  DEFAULT_ACTIVITY_LIST_FILE,
  OPENACTIVE_ATTRIBUTION,
  OPENACTIVE_VOCABULARY,
  type ActivityConcept,
  type ParsedActivityList,
  type StoredTaxonomyConcept,
  type TaxonomyImportReport,
} from './openactive';
export { importHsdsCsv, readHsdsCsv, assembleHsdsServices, HSDS_CSV_TABLES, type CsvRecordProblem, type HsdsCsvImportReport } from './csv/hsdsCsv';
export { parseCsv, CsvError, type CsvTable } from './csv/parse';
export { rankServices, suggestionsAreNear, DEFAULT_LIMIT, MAX_MILES, NEAR_MILES, type Reason, type Suggestion, type RankOptions, type DayCode } from './match';
export { profileFromAnswers, profileText, INTEREST_CATEGORIES, BARRIER_CATEGORIES, type MatchProfile, type WantedCategory } from './profile';
export { describeReasons, describeDays, describeTime, describeDistance, REASON_SEPARATOR } from './reasons';
export { DirectoryGeocoder, CentroidFileGeocoder, ChainGeocoder, milesBetween, postcodeDistrict, type Geocoder, type Point } from './geocode';
export { ServiceDirectory, DEFAULT_DIRECTORY_CACHE_MS, type ServiceDirectoryOptions } from './directory';
export { serviceFacts, type ServiceFacts } from './serviceFacts';
