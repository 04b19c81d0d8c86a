/**
 * What /api/messages accepts before botbuilder sees it. The ids in an activity become MongoDB filter
 * values (person keys, transcripts, follow-up contacts), so each must be a plain string: an object
 * such as `{"$ne": null}` would match other people's records.
 */

/** Longer than any id a Bot Framework channel sends (Teams ids run to a few hundred characters). */
const MAX_ID_LENGTH = 1024;

const STRING_FIELDS = ['type', 'id', 'channelId', 'serviceUrl', 'text', 'locale', 'deliveryMode', 'replyToId'] as const;
const ACCOUNT_FIELDS = ['from', 'recipient', 'conversation'] as const;

/** Why this body is not an activity we can take, or undefined when it is. */
export function activityShapeProblem(body: unknown): string | undefined {
  if (!isRecord(body) || typeof body.type !== 'string') return 'The body must be a Bot Framework activity (JSON with a "type").';
  for (const field of STRING_FIELDS) {
    if (body[field] !== undefined && typeof body[field] !== 'string') return `"${field}" must be a string.`;
  }
  for (const field of ACCOUNT_FIELDS) {
    const account = body[field];
    if (account === undefined) continue;
    if (!isRecord(account)) return `"${field}" must be an object.`;
    if (account.id !== undefined && !isShortString(account.id)) return `"${field}.id" must be a string of at most ${MAX_ID_LENGTH} characters.`;
  }
  if (body.id !== undefined && !isShortString(body.id)) return `"id" must be at most ${MAX_ID_LENGTH} characters.`;
  if (body.channelId !== undefined && !isShortString(body.channelId)) return `"channelId" must be at most ${MAX_ID_LENGTH} characters.`;
  return undefined;
}

/**
 * An anonymous bot (no app id) posts its replies to whatever serviceUrl a caller names, so a caller
 * on the network could make it send requests to addresses only this machine can reach. Anonymous
 * replies may go only to this machine or back to the caller's own address (where the Emulator
 * listens); with expectReplies nothing is posted anywhere.
 */
export function serviceUrlProblem(body: { serviceUrl?: string; deliveryMode?: string }, callerAddress: string | undefined): string | undefined {
  if (body.deliveryMode === 'expectReplies' || body.serviceUrl === undefined) return undefined;
  let host: string;
  try {
    host = new URL(body.serviceUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '"serviceUrl" must be a URL.';
  }
  const caller = plainAddress(callerAddress);
  if (isLoopback(host) || (caller !== undefined && host === caller)) return undefined;
  return 'Without MicrosoftAppId, Front Door only sends replies to this machine or to the address the request came from.';
}

function plainAddress(address: string | undefined): string | undefined {
  return address?.replace(/^::ffff:/, '');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isShortString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
