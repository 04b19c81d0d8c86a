import type { Translate } from '../src/i18n';
import { INTERESTS, ONS4_MEASURES, type Referral } from '../src/referrals';
import { isSmsChannel } from './render';
import { formatUkNumber } from './validation';

/** The parts of the summary, in the order they are read back; each can be changed. */
export const SUMMARY_PARTS = ['whatMatters', 'interests', 'barriers', 'when', 'place', 'contact', 'name', 'wellbeing'] as const;
export type SummaryPart = (typeof SUMMARY_PARTS)[number];

function list(t: Translate, labels: string[]): string {
  return labels.join(t('common.listSeparator'));
}

function partValue(t: Translate, referral: Referral, part: SummaryPart, options: SummaryTextOptions = {}): string | undefined {
  const a = referral.answers;
  const notGiven = t('common.notGiven');
  switch (part) {
    case 'whatMatters':
      return a.whatMatters === undefined ? undefined : [a.whatMatters, a.whatMattersMore].filter(Boolean).join(' ');
    case 'interests': {
      if (!a.interests) return undefined;
      // "All of them", "anything": said as such, not as every label in a long line.
      const { chosen } = a.interests;
      const openToAnything = INTERESTS.every((i) => chosen.includes(i));
      const labels = openToAnything
        ? [t('summary.interestsAnything')]
        : chosen.map((i) => t(`whatMatters.interests.options.${i}.label`));
      // Their own words about what they enjoy may say why (their health): not texted.
      const ownWords = a.interests.ownWords && !options.sms ? [a.interests.ownWords] : [];
      if (labels.length === 0 && a.interests.ownWords && options.sms) return undefined;
      // "Nothing" was an answer: shown as such, not as an empty line.
      if (labels.length === 0 && ownWords.length === 0) return notGiven;
      return list(t, [...labels, ...ownWords]);
    }
    case 'barriers':
      return a.barriers && list(t, a.barriers.map((b) => t(`whatMatters.barriers.options.${b}.label`)));
    case 'when': {
      const parts = [
        ...(a.days ? [t(`whatMatters.days.options.${a.days}.label`)] : []),
        ...(a.times ?? []).map((time) => t(`whatMatters.times.options.${time}.label`)),
      ];
      return parts.length > 0 ? list(t, parts) : undefined;
    }
    case 'place':
      return a.place === undefined ? undefined : (a.place?.value ?? notGiven);
    case 'contact': {
      if (!a.contactMethod) return undefined;
      const method = a.contactMethod;
      if (method === 'sms' && !a.contactNumber && isSmsChannel(referral.channel)) return t('summary.contactValues.smsThisNumber');
      if ((method === 'sms' || method === 'phone') && !a.contactNumber) return t(`summary.contactValues.${method}NoNumber`);
      return t(`summary.contactValues.${method}`, { number: a.contactNumber ? formatUkNumber(a.contactNumber) : '' });
    }
    case 'name':
      return a.preferredName === undefined ? undefined : (a.preferredName ?? notGiven);
    case 'wellbeing': {
      const w = referral.wellbeing;
      if (ONS4_MEASURES.every((m) => w[m] === undefined)) return undefined;
      // All skipped: said in words, not as four dashes.
      if (ONS4_MEASURES.every((m) => typeof w[m] !== 'number')) return notGiven;
      const score = (m: (typeof ONS4_MEASURES)[number]) => (typeof w[m] === 'number' ? String(w[m]) : t('common.skippedScore'));
      return t('summary.wellbeingScores', {
        lifeSatisfaction: score('lifeSatisfaction'),
        worthwhile: score('worthwhile'),
        happiness: score('happiness'),
        anxiety: score('anxiety'),
      });
    }
  }
}

/** One answered part of the summary: its label ("What matters to you") and the answer as read back. */
export interface SummaryFact {
  part: SummaryPart;
  title: string;
  value: string;
}

/** The answered parts, in order, for channels that lay them out themselves (e.g. an Adaptive Card). */
export function summaryFacts(t: Translate, referral: Referral): SummaryFact[] {
  const facts: SummaryFact[] = [];
  for (const part of SUMMARY_PARTS) {
    const value = partValue(t, referral, part);
    if (value !== undefined) facts.push({ part, title: t(`summary.parts.${part}.label`), value });
  }
  return facts;
}

/**
 * Parts never read back by text message: the person's own words (which may say how they feel or
 * what is wrong) and their wellbeing scores. A text can be read by anyone holding the phone.
 */
export const NOT_TEXTED_PARTS: readonly SummaryPart[] = ['whatMatters', 'wellbeing'];

export interface SummaryTextOptions {
  /** Read back by SMS: leave out NOT_TEXTED_PARTS and say, in one line, why. */
  sms?: boolean;
}

/** "Here's what I've heard:" and one line per answered part, in the person's language. */
export function summaryText(t: Translate, referral: Referral, options: SummaryTextOptions = {}): string {
  const lines = [t('summary.heading')];
  let keptPrivate = false;
  for (const part of SUMMARY_PARTS) {
    if (options.sms && NOT_TEXTED_PARTS.includes(part)) {
      keptPrivate ||= partValue(t, referral, part) !== undefined;
      continue;
    }
    const value = partValue(t, referral, part, options);
    if (options.sms && part === 'interests' && referral.answers.interests?.ownWords) keptPrivate = true;
    if (value === undefined) continue;
    lines.push(`• ${t(`summary.lines.${part}`, { value })}`);
  }
  if (keptPrivate) lines.push(t('summary.notTexted'));
  return lines.join('\n');
}

/** What happens next and roughly when, for the way the person chose to be contacted. */
export function nextStepsText(t: Translate, referral: Referral, serviceName: string, days: number): string {
  const name = referral.answers.preferredName;
  const sent = name ? t('summary.sentNamed', { name, serviceName }) : t('summary.sent', { serviceName });
  const method = referral.answers.contactMethod ?? 'chat';
  // By SMS, "text message" needs no number on the referral: the channel replies to theirs.
  const textsHere = method === 'sms' && isSmsChannel(referral.channel);
  const reachable = method === 'chat' || method === 'none' || textsHere || Boolean(referral.answers.contactNumber);
  const how = reachable ? method : 'chat';
  return [sent, t(`summary.nextSteps.${how}`, { days }), t('summary.sooner'), t('common.wayOut')].join('\n');
}
