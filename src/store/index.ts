export { Collections, type CollectionName } from './collections';
export { openDatabase, redact, type Database, type DatabaseOptions } from './connect';
export { MongoBotStorage, ETagConflictError, conversationStateKey } from './botStorage';
export { ensureIndexes, declareIndexes, INDEXES } from './indexes';
export { getOrCreateSecret } from './secrets';
export { FieldCipher, FieldKeyMissingError, isSealed, keyIdOf, parseFieldKey, sealedOr, type SealedValue } from './fieldCipher';
export { enableFieldEncryption, fieldCipherOf } from './fieldEncryption';
export { DeadlinePassedError, withinDeadline } from './deadline';
