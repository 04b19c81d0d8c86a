export { FrontDoorBot, MAX_MESSAGE_CHARS, type FrontDoorBotDeps } from './frontDoorBot';
