import { audiencesOf, type Audience } from './audience';
import { CATEGORIES, CATEGORY_VOCABULARY, isCategory, type Category } from './categories';
import type { Point } from './geocode';
import { oneOffEventEndsMs } from './oneOffEvents';
import { DAY_CODES, type StoredService } from './schema';
import { contentWords, inferCategories } from './textRelevance';

/**
 * What the matcher needs to know about a service, read once from the stored record and cached per
 * service object (ranking 10k services must not re-read descriptions on every call).
 */
export type DayCode = (typeof DAY_CODES)[number];
export type GroupSize = 'one_to_one' | 'small_group' | 'large_group';

export interface ScheduleFact {
  days: DayCode[];
  /** Bit i set when the session runs on DAY_CODES[i]. */
  dayMask: number;
  opensAt?: string;
  /** Minutes after midnight the session opens, when known. */
  opensMinutes?: number;
  closesMinutes?: number;
  /** Sessions a month on these days when the schedule is monthly ("1TU" and "3TU": 2); undefined when weekly. */
  perMonth?: number;
}

export interface ServiceFacts {
  categories: Category[];
  /** Bit i set when the service has CATEGORIES[i]. */
  categoryMask: number;
  /** True when the categories came from keywords, not from the directory's own tags. */
  categoriesInferred: boolean;
  /** What "more of the same" means for variety: `oa:` the OpenActive activity, else `cat:` the first activity category. */
  varietyKey: string;
  organisationKey?: string;
  /** true = free or pay what you can; false = known to cost; undefined = the record does not say. */
  free?: boolean;
  /** true = step-free venue; false = known not step-free; undefined = unknown. */
  stepFree?: boolean;
  groupSize?: GroupSize;
  inPerson: boolean;
  online: boolean;
  phone: boolean;
  /** Only by phone or online: distance and venue access do not apply. */
  remoteOnly: boolean;
  schedules: ScheduleFact[];
  /**
   * Days the description names when there is no schedule ("every Monday 10am"), bit i for DAY_CODES[i];
   * 0 when it names none. Only to tell that a service cannot suit someone's days, never shown as a time.
   */
  statedDayMask: number;
  /** Where it happens (the first located venue), for in-person services. */
  point?: Point;
  /** Who it is only for (children, women, adults with learning disabilities...); empty when anyone can come. */
  audiences: Audience[];
  /** Languages other than English it is offered in. */
  otherLanguages: string[];
  /** Assured (or last modified) date in ms since the epoch, when known. */
  assuredMs?: number;
  /** For a one-off event dated only in its name or description (no schedule): when it is over. */
  oneOffEndsMs?: number;
  /** Stemmed content words of the name and the taxonomy term names. */
  nameWords: Set<string>;
  /** Stemmed content words of the description. */
  descriptionWords: Set<string>;
}

const CATEGORY_BIT = new Map<Category, number>(CATEGORIES.map((c, i) => [c, 1 << i]));
export const categoryBit = (category: Category): number => CATEGORY_BIT.get(category) ?? 0;

/** Categories that are something to do (rather than who it is for or what it helps with). */
const ACTIVITIES = new Set<Category>([
  'walking', 'physical_activity', 'gardening_nature', 'arts_crafts', 'music_singing', 'learning', 'volunteering', 'food',
  'digital_skills', 'faith_community', 'befriending', 'money_debt', 'housing', 'employment',
]);

const ENGLISH = /^(en|eng|english)(-.*)?$/i;

function codesIn(terms: StoredService['taxonomy'], vocabulary: string): string[] {
  const out: string[] = [];
  for (const term of terms) if (term.vocabulary === vocabulary && term.code) out.push(term.code);
  return out;
}

function minutes(hhmm: string | undefined): number | undefined {
  const m = hhmm ? /^(\d{2}):(\d{2})$/.exec(hhmm) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function stepFreeFrom(service: StoredService): boolean | undefined {
  const accessCodes = service.locations.flatMap((l) => codesIn(l.taxonomy ?? [], 'frontdoor-access'));
  if (accessCodes.includes('not_step_free')) return false;
  if (accessCodes.includes('step_free')) return true;
  const text = service.accessibility.join(' ').toLowerCase();
  if (/\b(not step[- ]free|no step[- ]free|stairs only|no lift|steps? (up|down) to|not wheelchair accessible)\b/.test(text)) return false;
  if (/\b(step[- ]free|level access|wheelchair accessible|ground floor|ramp)\b/.test(text)) return true;
  return undefined;
}

function freeFrom(service: StoredService): boolean | undefined {
  const costCodes = codesIn(service.taxonomy, 'frontdoor-cost');
  if (costCodes.includes('free')) return true;
  if (costCodes.includes('paid')) {
    // "Pay what you can" never shuts anyone out (a set "£1 donation" is still a cost).
    return /pay what you can/i.test(service.cost.text ?? '');
  }
  if (service.cost.free !== undefined) return service.cost.free;
  if (/pay what you can/i.test(service.cost.text ?? '')) return true;
  return costFromDescription(`${service.name}\n${service.description}`);
}

/** "Free to attend", "free of charge", "there is no charge": the service itself is free (not "free parking"). */
const SAYS_FREE = /\b(free (of charge|to (attend|join|use|access|take part)|((weekly|monthly|friendly|informal) )?(entry|admission|sessions?|service|group|class(es)?|event|activity|drop[- ]in|course|support|advice|coffee morning|club|walks?|workshops?|meet[- ]?ups?))|(is|are|it's|its|always|completely|totally|all) (free|free of charge)\b|no (charge|cost|fee)s?\b|at no cost)/i;
/** A price ("£3 per child", "Tickets £14", "£75pp"): someone for whom cost is a barrier may not be able to pay it. */
const NAMES_A_PRICE = /£\s?\d|\b\d+(\.\d{2})?\s?(pounds|pence)\b|\bticket(s|ed)?\b|\b(small|annual|membership|joining|green|session|course|class) fees?\b|\bsubs\b|\bsubscription\b/i;
/** A free first go ("come along for a free session", "your first game is free") says nothing about after. */
const FREE_TASTER = /\b(a free (session|class|taster|trial|lesson)|first (\w+ )?(is |are )?free|free (taster|trial))\b/i;
/** Words that mention a cost only to say there is none ("no subs", "free tickets"). */
const NO_COST = /\bno (\w+ or )?(charge|cost|fees?|subs)\b|\bfree (\w+ )?tickets?\b/gi;

/**
 * Cost read from the description when the record has no fees (a council directory often says it only
 * there). Conservative: any price or ticket means it may cost (never offered for a cost barrier), and
 * only a clear "free to attend" with no price anywhere makes it free.
 */
function costFromDescription(text: string): boolean | undefined {
  if (/pay what you (can|feel|like)/i.test(text)) return true;
  if (NAMES_A_PRICE.test(text.replace(NO_COST, ' '))) return false;
  if (FREE_TASTER.test(text)) return undefined;
  if (SAYS_FREE.test(text)) return true;
  return undefined;
}

function groupSizeFrom(service: StoredService): GroupSize | undefined {
  const codes = codesIn(service.taxonomy, 'frontdoor-group-size');
  if (codes.includes('one_to_one')) return 'one_to_one';
  if (codes.includes('small_group')) return 'small_group';
  if (codes.includes('large_group')) return 'large_group';
  const text = `${service.name} ${service.description}`.toLowerCase();
  if (/\b(one[- ]to[- ]one|1[- ]to[- ]1|1:1)\b/.test(text)) return 'one_to_one';
  if (/\bsmall group\b/.test(text)) return 'small_group';
  return undefined;
}

function deliveryFrom(service: StoredService): { inPerson: boolean; online: boolean; phone: boolean } {
  const codes = codesIn(service.taxonomy, 'frontdoor-delivery');
  if (codes.length > 0) return { inPerson: codes.includes('in_person'), online: codes.includes('online'), phone: codes.includes('phone') };
  const attending = (service.attendingType ?? '').toLowerCase();
  const text = `${service.name} ${service.description}`.toLowerCase();
  const online = /online|virtual/.test(attending) || /\b(online|zoom|video call)\b/.test(text);
  const phone = /phone|telephone/.test(attending) || /\b(by phone|telephone|helpline|phone line)\b/.test(text);
  const inPerson = attending ? /person|venue|physical/.test(attending) || !(online || phone) : !(/\((online|by phone)\)/.test(text));
  return { inPerson, online, phone };
}

function schedulesFrom(service: StoredService): ScheduleFact[] {
  const out: ScheduleFact[] = [];
  for (const s of service.schedules) {
    const days = s.days ?? [];
    let dayMask = 0;
    for (const d of days) dayMask |= 1 << DAY_CODES.indexOf(d);
    if (dayMask === 0 && !s.opensAt) continue;
    // RFC 5545 ordinals ("1TU", "-1FR") or FREQ=MONTHLY: not every week.
    const byday = typeof s.given.byday === 'string' ? s.given.byday : '';
    const ordinals = byday.split(',').filter((part) => /^[+-]?\d/.test(part.trim())).length;
    const monthly = ordinals > 0 || String(s.given.freq ?? '').toUpperCase() === 'MONTHLY';
    const perMonth = monthly ? Math.max(1, ordinals) : undefined;
    // The same day and time in two monthly rules (1st and 3rd Tuesday) is one session, twice a month.
    const same = out.find((o) => o.dayMask === dayMask && o.opensAt === s.opensAt && o.perMonth !== undefined && perMonth !== undefined);
    if (same) {
      same.perMonth = (same.perMonth ?? 0) + (perMonth ?? 0);
      continue;
    }
    out.push({ days, dayMask, opensAt: s.opensAt, opensMinutes: minutes(s.opensAt), closesMinutes: minutes(s.closesAt), perMonth });
  }
  return out;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const ALL_DAYS = 0b1111111;

/** The days a description names: "Mondays", "Monday to Friday", "weekdays", "7 days a week" ("closed on Sundays" is not one). */
function daysStated(description: string): number {
  const text = description.toLowerCase().replace(/\bclosed (on )?\w+days?\b/g, ' ');
  if (/\b(7|seven) days a week\b|\bevery day\b|\bdaily\b|\b24\/7\b/.test(text)) return ALL_DAYS;
  let mask = 0;
  const day = (name: string) => DAY_NAMES.indexOf(name);
  for (const m of text.matchAll(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s? ?(?:-|–|to|until|till) ?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/g)) {
    for (let i = day(m[1]); ; i = (i + 1) % 7) {
      mask |= 1 << i;
      if (i === day(m[2])) break;
    }
  }
  for (const m of text.matchAll(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b/g)) mask |= 1 << day(m[1]);
  if (/\bweekdays\b/.test(text)) mask |= 0b0011111;
  if (/\bweekends?\b/.test(text)) mask |= 0b1100000;
  return mask;
}

function dateMs(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * A directory without our own tags may still use the OpenActive Activity List, the taxonomy for
 * physical activities: any concept from it makes the service a physical activity, and the walking
 * and gardening families count as those categories too.
 */
function openActiveCategories(service: StoredService): Category[] {
  const terms = service.taxonomy.filter((t) => t.vocabulary === 'openactive-activity-list');
  if (terms.length === 0) return [];
  const names = terms.map((t) => `${t.name ?? ''} ${t.code ?? ''}`).join(' ');
  const categories: Category[] = ['physical_activity'];
  if (/\b(walk|walking|nordic|hik(e|ing)|rambl)/i.test(names)) categories.push('walking');
  if (/\bgarden/i.test(names)) categories.push('gardening_nature');
  return categories;
}

function derive(service: StoredService): ServiceFacts {
  const tagged = codesIn(service.taxonomy, CATEGORY_VOCABULARY).filter(isCategory);
  const nameWords = contentWords([service.name, ...service.taxonomy.map((t) => t.name ?? '')].join(' '));
  const descriptionWords = contentWords(service.description);
  let categories: Category[] = [...new Set(tagged)];
  const categoriesInferred = categories.length === 0;
  if (categoriesInferred) categories = [...new Set([...openActiveCategories(service), ...inferCategories(nameWords, descriptionWords)])];
  let categoryMask = 0;
  for (const c of categories) categoryMask |= categoryBit(c);

  const activity = service.taxonomy.find((t) => t.vocabulary === 'openactive-activity-list' && (t.code ?? t.id));
  const firstActivity = categories.find((c) => ACTIVITIES.has(c)) ?? categories[0];
  const varietyKey = activity ? `oa:${activity.code ?? activity.id}` : `cat:${firstActivity ?? service._id}`;

  const delivery = deliveryFrom(service);
  const located = service.locations.find((l) => l.lat !== undefined && l.lng !== undefined);
  return {
    categories,
    categoryMask,
    categoriesInferred,
    varietyKey,
    organisationKey: service.organisation?.id ?? service.organisation?.name,
    free: freeFrom(service),
    stepFree: stepFreeFrom(service),
    groupSize: groupSizeFrom(service),
    ...delivery,
    remoteOnly: !delivery.inPerson && (delivery.online || delivery.phone),
    schedules: schedulesFrom(service),
    statedDayMask: service.schedules.length > 0 ? 0 : daysStated(service.description),
    point: located ? { lat: located.lat!, lng: located.lng! } : undefined,
    audiences: audiencesOf(service),
    otherLanguages: service.languages.filter((l) => !ENGLISH.test(l.trim())),
    assuredMs: dateMs(service.provenance.assuredDate) ?? dateMs(service.provenance.lastModified),
    oneOffEndsMs: service.schedules.length > 0 ? undefined : oneOffEventEndsMs(service.name, service.description),
    nameWords,
    descriptionWords,
  };
}

const cache = new WeakMap<StoredService, ServiceFacts>();

/** The facts of one service, derived on first use and cached for the life of the service object. */
export function serviceFacts(service: StoredService): ServiceFacts {
  let facts = cache.get(service);
  if (!facts) {
    facts = derive(service);
    cache.set(service, facts);
  }
  return facts;
}
