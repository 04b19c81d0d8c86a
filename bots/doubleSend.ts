import { createHash } from 'node:crypto';

/**
 * A double tap on "send" (or a flaky connection resending) delivers the same words twice, the second
 * while the bot is still answering the first. Taken as two messages, the copy would answer the next
 * question ("Yes, that's OK" stored as what matters). What is kept is a short hash, not the words.
 */
export interface LastMessageMemory {
  /** A hash of the last message's words. */
  lastTextKey?: string;
  /** When the last message arrived (ms, the channel's receipt time). */
  lastArrivedAt?: number;
  /** When the bot finished answering the last message (ms). */
  lastTurnEndedAt?: number;
}

/** A copy must arrive this soon after the first to count as one: a person reading a reply takes longer. */
const DOUBLE_SEND_WINDOW_MS = 5_000;
/** Nobody reads a reply and sends the same words again this fast: a second tap, even after the first was answered. */
const DOUBLE_TAP_MS = 800;

export function textKey(text: string): string {
  return createHash('sha256').update(text.trim().toLowerCase()).digest('hex').slice(0, 16);
}

/** When the channel received the message, if it says (Direct Line and SMS stamp it on receipt). */
export function arrivalTime(timestamp: Date | string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  const ms = new Date(timestamp).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The same words again, arriving before the bot had finished answering them the first time (within
 * a few seconds), or, from a send button (web chat), under a second after them: a copy, not a new answer.
 */
export function isDoubleSend(memory: LastMessageMemory, key: string, arrivedAt: number | undefined, fromSendButton = false): boolean {
  if (arrivedAt === undefined || memory.lastTextKey !== key || memory.lastArrivedAt === undefined) return false;
  const sinceFirst = arrivedAt - memory.lastArrivedAt;
  if (fromSendButton && sinceFirst < DOUBLE_TAP_MS) return true;
  return memory.lastTurnEndedAt !== undefined && arrivedAt < memory.lastTurnEndedAt && sinceFirst < DOUBLE_SEND_WINDOW_MS;
}
