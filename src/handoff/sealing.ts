import type { Document } from 'mongodb';
import { isSealed, type FieldCipher, type SealedValue } from '../store/fieldCipher';
import type { Handoff, HandoffSummary, RiskFlag, TranscriptEntry } from './schema';

/**
 * What of a handoff is sealed at rest when a field key is configured (ARCHITECTURE.md, "Storage"):
 * the summary (the person's words, name, place, number, risk messages), each risk flag's message,
 * each transcript line's text, the link worker's note, and the conversation reference (it holds
 * the channel's id for the person). Keys, status, dates, reasons, urgency and who held or closed it
 * stay plain: the queue, retention, erasure and the live-update poll query and sort on them.
 * Nothing may filter or sort on a sealed field: the same value seals differently every time.
 */
export const SEALED_HANDOFF_FIELDS = ['summary', 'note', 'conversationReference'] as const;

export type StoredRiskFlag = Omit<RiskFlag, 'message'> & { message: RiskFlag['message'] | SealedValue };
export type StoredTranscriptEntry = Omit<TranscriptEntry, 'text'> & { text: string | SealedValue };

/** The stored document: sealed fields may hold a SealedValue, and `openFor` keeps one active handoff per person. */
export type StoredHandoff = Omit<Handoff, 'summary' | 'note' | 'conversationReference' | 'riskFlags' | 'transcript'> & {
  openFor: string;
  summary: HandoffSummary | SealedValue;
  note: string | null | SealedValue;
  conversationReference: Record<string, unknown> | null | SealedValue;
  riskFlags: StoredRiskFlag[];
  transcript: StoredTranscriptEntry[];
};

export function sealRiskFlag(cipher: FieldCipher, flag: RiskFlag): StoredRiskFlag {
  return { ...flag, message: cipher.seal(flag.message) };
}

export function sealTranscriptEntry(cipher: FieldCipher, entry: TranscriptEntry): StoredTranscriptEntry {
  return { ...entry, text: cipher.seal(entry.text) };
}

/**
 * A stored handoff (whole, or a projection of it) with every sealed field opened, ready for the
 * zod schema. Plain values (written before a key was set) pass through, so old documents and a
 * mix within one document (old plain lines, new sealed ones) read the same. Throws
 * FieldKeyMissingError for a value sealed with a key this process does not have.
 */
export function openStoredHandoff(cipher: FieldCipher, doc: Document): Document {
  const opened: Document = cipher.openFields(doc, SEALED_HANDOFF_FIELDS);
  const riskFlags = openEach(cipher, doc.riskFlags, 'message');
  const transcript = openEach(cipher, doc.transcript, 'text');
  if (riskFlags === doc.riskFlags && transcript === doc.transcript) return opened;
  return { ...opened, riskFlags, transcript };
}

/** The list with `field` of each item opened; the same list when nothing in it is sealed. */
function openEach(cipher: FieldCipher, list: unknown, field: string): unknown {
  if (!Array.isArray(list)) return list;
  const hasSealed = (item: unknown) => item !== null && typeof item === 'object' && isSealed((item as Record<string, unknown>)[field]);
  if (!list.some(hasSealed)) return list;
  return list.map((item: unknown) => (hasSealed(item) ? { ...(item as Record<string, unknown>), [field]: cipher.open((item as Record<string, unknown>)[field]) } : item));
}
