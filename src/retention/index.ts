export { DEFAULT_RETENTION, runRetention, scheduleRetention, type RetentionPolicy, type RetentionResult } from './retention';
