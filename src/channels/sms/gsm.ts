/**
 * SMS segment counting (3GPP TS 23.038). A text that uses only the GSM-7 alphabet travels in
 * 160 characters per message, or 153 per part once it is split into a concatenated message; one
 * character outside it (an emoji, a curly quote, a Welsh ŵ) turns the whole message into UCS-2:
 * 70 per message, 67 per part. Each part is charged, so this is what keeps texts cheap and whole.
 */

/** The GSM-7 default alphabet (one septet each). ESC (0x1B) is left out: it only introduces the extension table. */
const GSM7_BASIC = new Set(
  Array.from(
    '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
      '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
  ),
);
/** The extension table: each costs two septets (ESC + the character). */
const GSM7_EXTENSION = new Set(Array.from('^{}\\[~]|€\f'));

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  /** Message parts this text is sent (and charged) as. */
  segments: number;
  /** Characters that forced UCS-2 (empty for GSM-7). */
  nonGsm: string[];
}

export const LIMITS = {
  'GSM-7': { single: 160, part: 153 },
  'UCS-2': { single: 70, part: 67 },
} as const;

/** Whether one character (a code point) is in the GSM-7 alphabet, basic or extension. */
export function isGsmCharacter(char: string): boolean {
  return GSM7_BASIC.has(char) || GSM7_EXTENSION.has(char);
}

/** Encoding, size and number of parts of `text` as an SMS. */
export function countSegments(text: string): SegmentCount {
  const chars = Array.from(text);
  const nonGsm = [...new Set(chars.filter((c) => !isGsmCharacter(c)))];
  if (nonGsm.length === 0) {
    // Extension characters are two septets that a part boundary may not separate.
    const sizes = chars.map((c) => (GSM7_EXTENSION.has(c) ? 2 : 1));
    return { encoding: 'GSM-7', nonGsm, ...pack(sizes, LIMITS['GSM-7']) };
  }
  // UCS-2 as carriers send it (really UTF-16): a character beyond the BMP is two units that stay together.
  const sizes = chars.map((c) => c.length);
  return { encoding: 'UCS-2', nonGsm, ...pack(sizes, LIMITS['UCS-2']) };
}

function pack(sizes: number[], limits: { single: number; part: number }): { units: number; segments: number } {
  const units = sizes.reduce((sum, size) => sum + size, 0);
  if (units <= limits.single) return { units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > limits.part) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return { units, segments };
}

/** Whether `text` goes in at most `maxSegments` parts. */
export function fitsSegments(text: string, maxSegments: number): boolean {
  return countSegments(text).segments <= maxSegments;
}
