export { DEFAULT_FOLLOW_UP_CONFIG, FollowUpConfigError, loadFollowUpConfig, type FollowUpConfig } from './config';
export { renderFollowUp, renderFollowUpThanks } from './messages';
export { isWithinSendWindow, nextSendTime, type SendWindow } from './quietHours';
export {
  handleFollowUpReply,
  interpretFollowUpReply,
  recordFollowUpReply,
  sentAfter,
  type FollowUpReplyDeps,
  type FollowUpReplyStore,
  type RecordReplyOptions,
} from './replies';
export { FollowUpSchedule, followUpsCollection, type ReferralScheduleOptions } from './schedule';
export {
  FOLLOW_UP_ANSWERS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_STATUSES,
  FollowUpJobSchema,
  INTERRUPTED,
  OPTED_OUT,
  type FollowUpAnswer,
  type FollowUpJob,
  type FollowUpKind,
  type FollowUpStatus,
} from './schema';
export {
  createSmsFollowUpSender,
  createSmsOptOutCheck,
  type SmsDelivery,
  type SmsFollowUpDeps,
  type SmsFollowUpSenderOptions,
  type SmsTarget,
} from './smsSender';
export {
  describeError,
  FollowUpUndeliverable,
  FollowUpWorker,
  type Clock,
  type FollowUpSender,
  type FollowUpWorkerOptions,
  type OptOutCheck,
  type RunSummary,
} from './worker';
