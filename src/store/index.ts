export { Collections, type CollectionName } from './collections';
export { openDatabase, redact, type Database, type DatabaseOptions } from './connect';
export { MongoBotStorage, ETagConflictError, conversationStateKey } from './botStorage';
export { ensureIndexes, declareIndexes, INDEXES } from './indexes';
export { getOrCreateSecret } from './secrets';
