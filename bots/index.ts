export { CRISIS_SUPPORT_SENT, FrontDoorBot, MAX_MESSAGE_CHARS, type FrontDoorBotDeps } from './frontDoorBot';
export { crisisActivities } from './crisisReply';
