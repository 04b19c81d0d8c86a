import type { StoredService } from './schema';

/**
 * Who a service is only for. Front Door's users are adults referring themselves, and the conversation
 * asks neither age nor sex: a toddler group, a women-only drop-in or a day centre for adults with
 * learning disabilities is offered only to someone whose own words (or choices) put them in that group.
 */
export type Audience = 'children' | 'young_people' | 'women' | 'men' | 'learning_disability' | 'disabled';

/** The directory's own target audiences (Open Referral UK `pc_targetAudience`) that restrict who can come. */
const LISTED: [RegExp, Audience][] = [
  [/^(children|babies|under 5s?|toddlers)$/i, 'children'],
  [/^(parents|parents>grandparents|grandparents)$/i, 'children'],
  [/^(young people|youth|teenagers)$/i, 'young_people'],
  [/^women$/i, 'women'],
  [/^men$/i, 'men'],
  [/^(learning disabilities|autism)$/i, 'learning_disability'],
];

/** Said in a service's name or description: conservative phrases, not single everyday words. */
const SAID: [RegExp, Audience][] = [
  [
    /\b(under (5|five|4|four|3|three|2|two|11|12|16)s?\b|(babies|baby|toddlers?|tots|pre-?school(ers)?)\b|(children|kids) (aged|and (their )?(parents|carers|babies))\b|for (children|kids)\b|aged? \d{1,2} ?(-|to) ?(1[0-5]|[2-9])\b|\d{1,2} ?(-|to) ?(1[0-5]|[2-9]) ?years? old)/i,
    'children',
  ],
  [/\b(for young people|young people aged|aged (11|12|13|14|15|16) ?(-|to) ?(1[6-9]|2[0-5])|youth (club|group|centre))\b/i, 'young_people'],
  [/\b(women'?s? only|women only|ladies only|for women|women'?s (group|drop[- ]in|circle)|ladies'? (group|night|club))\b/i, 'women'],
  [/\b(men'?s? only|for men\b|men'?s (shed|group|drop[- ]in)|men in sheds)/i, 'men'],
  [/\b((adults?|people|those) with (a )?learning (disabilit|difficult)|learning (disability|disabilities) (day|group|service|centre))/i, 'learning_disability'],
  [/\b(disabled (adults|children)|for (adults|people) with (a )?disabilit)/i, 'disabled'],
];

/** The description's first sentence or two (at most 250 characters). */
function leadOf(description: string): string {
  const lead = description.slice(0, 250);
  const end = lead.search(/[.!?\n](\s|$)[^.!?\n]*[.!?\n](\s|$)/);
  return end > 0 ? lead.slice(0, end + 1) : lead;
}

/** The audiences a service is only for (empty: anyone). */
export function audiencesOf(service: Pick<StoredService, 'name' | 'description' | 'audiences'>): Audience[] {
  const found = new Set<Audience>();
  const listed = service.audiences.map((a) => a.trim()).filter(Boolean);
  const mapped = listed.map((a) => LISTED.find(([pattern]) => pattern.test(a))?.[1]);
  // A list that also names a broad group ("Women, Men, Carers...") is for everyone on it, not only some.
  if (mapped.length > 0 && mapped.every((a) => a !== undefined) && !(mapped.includes('women') && mapped.includes('men'))) {
    for (const a of mapped) if (a) found.add(a);
  }
  // The name and the opening of the description say who a service is for; later lines often list what
  // else happens in the same building ("a youth club meets on Fridays") or who is also welcome.
  const text = `${service.name}\n${leadOf(service.description)}`;
  for (const [pattern, audience] of SAID) if (pattern.test(text)) found.add(audience);
  if (found.has('women') && found.has('men')) {
    found.delete('women');
    found.delete('men');
  }
  return [...found];
}

/** What the person told us about themselves that puts them in an audience. */
export interface AudienceClues {
  text: string;
  parenting: boolean;
  youngPerson: boolean;
  disabled: boolean;
}

const BELONGS: Record<Audience, (clues: AudienceClues) => boolean> = {
  // A parent or grandparent brings the child; nobody else comes to a toddler group.
  children: (c) => c.parenting || /\b(my|our) (baby|babies|toddler|little one|grandchild|grandchildren|children|kids|son|daughter)\b/i.test(c.text),
  young_people: (c) => c.youngPerson,
  women: (c) => /\b(i'?m|i am) (a )?(woman|lady|mum|mother|girl|female)\b|\b(women|ladies)\b/i.test(c.text),
  men: (c) => /\b(i'?m|i am) (a )?(man|dad|father|bloke|guy|male)\b|\b(men|blokes)\b/i.test(c.text),
  learning_disability: (c) => /\blearning (disabilit|difficult)|\bautis|down'?s syndrome/i.test(c.text),
  disabled: (c) => c.disabled || /\bdisab|wheelchair/i.test(c.text),
};

/** True when the service is only for groups the person gave us no sign of being in. */
export function outsideAudience(audiences: readonly Audience[], clues: AudienceClues): boolean {
  return audiences.length > 0 && !audiences.some((a) => BELONGS[a](clues));
}
