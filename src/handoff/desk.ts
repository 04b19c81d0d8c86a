import { withoutIdentifiersInText } from '../privacy/identifiers';
import type { ReferralRepository } from '../referrals';
import type { Referral } from '../referrals/schema';
import type { Handoff, HandoffReason, RiskFlag, TranscriptEntry } from './schema';
import type { HandoffRepository } from './repository';
import type { ServiceHours } from './serviceHours';

/** Where the person is talking to us, as the channel knows it (kept opaque: no botbuilder types here). */
export interface PersonChannel {
  channelId: string;
  conversationId: string;
  /** The channel's conversation reference, for the link worker's replies. */
  conversationReference: Record<string, unknown>;
}

export interface HandoffRequest {
  personKey: string;
  reason: HandoffReason;
  channel: PersonChannel;
  /** The crisis rule that fired and the message that fired it. */
  riskFlag?: RiskFlag;
}

export interface HandoffDeskDeps {
  handoffs: HandoffRepository;
  referrals: ReferralRepository;
  hours: ServiceHours;
  /** The conversation so far on the person's channel, when the channel keeps one (web chat does). */
  transcriptOf?: (channel: PersonChannel) => Promise<TranscriptEntry[]>;
  /** Names of directory services by id, so the summary can name chosen activities. */
  activityNames?: (ids: readonly string[]) => Promise<Map<string, string>>;
  now?: () => Date;
  log?: (line: string) => void;
}

export interface RequestOutcome {
  handoff: Handoff;
  created: boolean;
  /** Someone is on duty now; otherwise `nextOnDuty` says from when. */
  onDuty: boolean;
  nextOnDuty: Date;
  /** When this was asked (the desk's clock). */
  askedAt: Date;
}

/** How far apart the channel's stamp and the relay's stamp of one message may be (the relay comes moments later). */
const SAME_MESSAGE_MS = 30_000;

/** The channel's copy of a person's line that the relay already recorded (a little later). */
function alreadyRelayed(line: TranscriptEntry, stored: readonly TranscriptEntry[]): boolean {
  if (line.from !== 'person') return false;
  return stored.some((entry) => entry.from === 'person' && entry.text === line.text && sameMessageTimes(line.at, entry.at));
}

/** The person's words were copied from the channel moments ago (by the crisis request of this same turn). */
function justCopied(text: string, stored: readonly TranscriptEntry[], now: Date): boolean {
  return stored.some((entry) => entry.from === 'person' && entry.text === text && sameMessageTimes(entry.at, now));
}

function sameMessageTimes(saidAt: Date, recordedAt: Date): boolean {
  const gap = recordedAt.getTime() - saidAt.getTime();
  return gap >= 0 && gap <= SAME_MESSAGE_MS;
}

/**
 * The conversation side of handoffs: opening one when a person asks, confirms or is in crisis, and
 * relaying their words while a link worker holds it. Channel- and botbuilder-free.
 */
export class HandoffDesk {
  private readonly now: () => Date;

  constructor(private readonly deps: HandoffDeskDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Opens the person's handoff, or adds this reason (and any new flag) to the one already open. */
  async request(request: HandoffRequest): Promise<RequestOutcome | undefined> {
    const referral = await this.deps.referrals.find(request.personKey);
    if (!referral) return undefined;
    const transcript = await this.transcriptFor(referral, request.channel);
    const activityNames = await this.deps.activityNames?.(referral.suggestions.picked.map((p) => p.id));
    const { handoff, created } = await this.deps.handoffs.open({
      referral,
      reason: request.reason,
      transcript,
      riskFlags: request.riskFlag ? [request.riskFlag] : [],
      activityNames,
      conversationReference: request.channel.conversationReference,
    });
    const now = this.now();
    const onDuty = this.deps.hours.onDuty(now);
    return { handoff, created, onDuty, nextOnDuty: onDuty ? now : this.deps.hours.nextOnDuty(now), askedAt: now };
  }

  /**
   * The conversation so far, only when the person agreed to us keeping their answers: someone who
   * said No (or was not asked yet) and then asks for a person talks with the link worker live instead.
   */
  private async transcriptFor(referral: Referral, channel: PersonChannel): Promise<TranscriptEntry[]> {
    if (!referral.consent) return [];
    // An NHS number or date of birth the person typed to the bot is left out here too, as in their answers.
    const copied = ((await this.deps.transcriptOf?.(channel)) ?? []).map((line) => (line.from === 'person' ? { ...line, text: withoutIdentifiersInText(line.text).value } : line));
    // Words relayed as they came (while a link worker holds it, or passed on while it waits) are already there.
    const active = await this.deps.handoffs.activeFor(referral.personKey);
    return active ? copied.filter((line) => !alreadyRelayed(line, active.transcript)) : copied;
  }

  /** Brings an open handoff's summary up to date (e.g. after the person picked activities). */
  async refresh(personKey: string): Promise<void> {
    const referral = await this.deps.referrals.find(personKey);
    if (!referral) return;
    const activityNames = await this.deps.activityNames?.(referral.suggestions.picked.map((p) => p.id));
    await this.deps.handoffs.refreshSummary(referral, { activityNames });
  }

  /** The person's handoff when a link worker holds it now (the bot stays quiet and relays). */
  async heldFor(personKey: string): Promise<Handoff | null> {
    const active = await this.deps.handoffs.activeFor(personKey);
    return active?.status === 'claimed' ? active : null;
  }

  /** The status of the person's active handoff ('open' or 'claimed'), or undefined when none is active. */
  async activeStatusFor(personKey: string): Promise<'open' | 'claimed' | undefined> {
    const status = await this.deps.handoffs.activeStatusFor(personKey);
    return status === 'open' || status === 'claimed' ? status : undefined;
  }

  /** Whether the person has an active (open or claimed) handoff at all. */
  async activeFor(personKey: string): Promise<Handoff | null> {
    return this.deps.handoffs.activeFor(personKey);
  }

  /** "Delete my data": every handoff of the person goes. */
  async eraseFor(personKey: string): Promise<number> {
    return this.deps.handoffs.eraseFor(personKey);
  }

  /**
   * Adds what the person wrote before asking (kept while no handoff was open) to their new handoff,
   * except lines the channel's copy of the conversation already brought in. False when none is open.
   */
  async passOnEarlier(personKey: string, texts: readonly string[]): Promise<boolean> {
    const active = await this.deps.handoffs.activeFor(personKey);
    if (!active) return false;
    const there = new Set(active.transcript.filter((entry) => entry.from === 'person').map((entry) => entry.text));
    const minimised = texts.map((text) => withoutIdentifiersInText(text).value);
    for (const text of minimised) if (!there.has(text)) await this.deps.handoffs.recordPersonMessage(personKey, text);
    return true;
  }

  /** Adds the person's words to their live handoff's transcript, where the link worker sees them. */
  async relay(personKey: string, text: string): Promise<boolean> {
    // A crisis message in a held chat was just copied from the channel, stamped when it was said:
    // relaying it again would list it twice, the second time below the bot's crisis reply.
    const active = await this.deps.handoffs.activeFor(personKey);
    if (active && justCopied(text, active.transcript, this.now())) return true;
    return this.deps.handoffs.recordPersonMessage(personKey, text);
  }
}
