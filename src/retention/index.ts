export { runRetention, scheduleRetention, type RetentionResult } from './retention';
export { DEFAULT_RETENTION, RETENTION_LIMITS, type ReferralRetention, type RetentionPolicy } from './policy';
export { progressOf, REPLY_WINDOW_DAYS, type PersonRecords, type Progress, type StillGoing } from './finished';
export { eraseFollowUpsOf, type FollowUpErasureDeps } from './personErasure';
