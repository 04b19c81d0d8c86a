import { outsideAudience, type AudienceClues } from './audience';
import type { Category } from './categories';
import { milesBetween, type Geocoder, type Point } from './geocode';
import { isPastOneOffEvent } from './oneOffEvents';
import type { MatchProfile, WantedCategory } from './profile';
import { scheduleFit, scheduleFitOnly, whenWanted, type WhenWanted } from './schedule';
import type { StoredService } from './schema';
import { categoryBit, serviceFacts, type DayCode, type ServiceFacts } from './serviceFacts';
import { buildWordIndex, contentWords, type WordIndex } from './textRelevance';

export type { DayCode } from './serviceFacts';

/**
 * Ranks the directory's active services for one person and says why, in reasons a dialog can put
 * into plain words (reasons.ts). A one-off event that is over (oneOffEvents.ts) is never suggested. Barriers the data can speak to are hard filters (never a paid
 * activity for someone who said cost is a barrier); everything else adds to or takes from a score.
 * Pure and deterministic: ties are broken by id, so input order never matters.
 */
export type Reason =
  | { kind: 'category'; category: Category; from: 'interest' | 'text' | 'barrier'; words?: string[] }
  | { kind: 'free' }
  | { kind: 'stepFree' }
  | { kind: 'smallGroup' }
  | { kind: 'oneToOne' }
  | { kind: 'online' }
  | { kind: 'phone' }
  | { kind: 'when'; days: DayCode[]; opensAt?: string; perMonth?: number }
  | { kind: 'distance'; miles: number }
  | { kind: 'language'; language: string };

export interface Suggestion {
  /** The stored service _id. */
  id: string;
  name: string;
  /** The service's categories from the fixed vocabulary. */
  categories: Category[];
  /** Most important first; at most five. */
  reasons: Reason[];
  score: number;
  /** For display (description, url, phone, address, schedule text). */
  service: StoredService;
}

export interface RankOptions {
  limit?: number;
  exclude?: readonly string[];
  now?: Date;
  geocoder?: Geocoder;
}

export const DEFAULT_LIMIT = 3;

/** The weights, in one place, so tuning is visible. */
export const WEIGHTS = {
  category: 3,
  /** A category the person's barrier points to counts for this share of a wanted category. */
  barrierCategoryShare: 0.5,
  /** Later categories in the profile count less (the recogniser lists the strongest first). */
  categoryDecay: 1,
  /** Beyond the best-matching category, each further match adds this share (many tags are not many reasons). */
  extraCategoryShare: 0.33,
  noCategoryMatch: -2,
  nameWord: 1,
  descriptionWord: 0.3,
  textCap: 2,
  /** A service for a group the person is not in (young people, carers, bereaved people...). */
  otherAudience: -2,
  /** A service for a group the person said they are in (and no other group). */
  sameAudience: 1,
  costUnknown: -1,
  free: 0.3,
  freeForCostBarrier: 0.8,
  stepFreeForAccess: 0.5,
  stepFreeUnknownForAccess: -0.5,
  oneToOneForGroupAnxiety: 1,
  smallGroupForGroupAnxiety: 0.8,
  largeGroupForGroupAnxiety: -1.5,
  remoteForTransport: 1,
  otherLanguageForLanguage: 1,
  /** A language the person named ("I am Polish"). */
  namedLanguageForLanguage: 2.5,
  /** Someone talking to us in Welsh, and a service offered in Welsh. */
  welshForWelshSpeaker: 1.5,
  scheduleFits: 0.6,
  scheduleDoesNotFit: -2.5,
  /** Per mile beyond comfortable reach (2 miles with a transport barrier, else 1.5). */
  perMileTransport: -0.8,
  perMile: -0.15,
  nearby: 0.4,
  staleYear: -0.3,
  staleTwoYears: -0.6,
  /** Variety: per earlier pick with the same activity, and with the same organisation. */
  sameActivity: -1.2,
  /** The same broad activity category (coarser than an OpenActive activity: knitting and a repair café are both crafts). */
  sameCategory: -0.6,
  sameOrganisation: -0.6,
} as const;

/** Categories that say who a service is for: off-target for anyone not in that group. */
const AUDIENCE_CATEGORIES: Category[] = ['young_people', 'parenting', 'lgbtq', 'ethnic_community', 'bereavement', 'carers_support', 'long_term_condition'];
const AUDIENCE_MASK = AUDIENCE_CATEGORIES.reduce((mask, c) => mask | categoryBit(c), 0);
/** Audiences that are one group (a language community is many: Polish and Punjabi speakers are not one). */
const SHARED_AUDIENCE_MASK = AUDIENCE_MASK & ~categoryBit('ethnic_community');
/** Categories that name a barrier rather than an interest: they count as barriers however they were found. */
const BARRIER_LIKE = new Set<Category>(['transport_barrier', 'disability_access', 'anxiety_in_groups', 'cost_barrier']);
const DAY_MS = 24 * 60 * 60 * 1000;

interface PreparedProfile {
  wanted: { wanted: WantedCategory; bit: number; weight: number; barrierLike: boolean }[];
  wantedMask: number;
  queryWords: string[];
  /** Five-letter starts of the person's words, to spot a language they name ("Polish", "Ukraine"). */
  wordStarts: Set<string>;
  /** Talking to us in Welsh: services offered in Welsh suit them. */
  welsh: boolean;
  barriers: Set<MatchProfile['barriers'][number]>;
  when?: WhenWanted;
  point?: Point;
  youngPerson: boolean;
  /** The person told us something to match on (an interest or their own words), so a service must match it. */
  needsRelevance: boolean;
  /** What the person said about themselves, to tell whether a service only for some people is for them. */
  audience: AudienceClues;
  nowMs: number;
}

const wordStart = (word: string) => word.toLowerCase().slice(0, 5);
const WELSH = /^(welsh|cymraeg|cy)$/i;

/** The service's first language the person named (or speaks to us in), else its first other language. */
function languageFor(facts: ServiceFacts, p: PreparedProfile): { language: string; named: boolean } | undefined {
  const named = facts.otherLanguages.find((l) => p.wordStarts.has(wordStart(l)) || (p.welsh && WELSH.test(l)));
  if (named) return { language: named, named: true };
  return facts.otherLanguages.length > 0 ? { language: facts.otherLanguages[0], named: false } : undefined;
}

function prepare(profile: MatchProfile, options: RankOptions): PreparedProfile {
  let position = 0;
  let wantedMask = 0;
  const wanted = profile.categories.map((w) => {
    const bit = categoryBit(w.category);
    wantedMask |= bit;
    const barrierLike = w.from === 'barrier' || BARRIER_LIKE.has(w.category);
    const weight = barrierLike ? WEIGHTS.barrierCategoryShare : 1 / (1 + WEIGHTS.categoryDecay * position++);
    return { wanted: w, bit, weight, barrierLike };
  });
  // The person's own words only: category keywords here would reward whichever services name them.
  const queryWords = contentWords(profile.text);
  return {
    wanted,
    wantedMask,
    queryWords: [...queryWords].sort(),
    wordStarts: new Set([...queryWords].map(wordStart)),
    welsh: profile.lang === 'cy',
    barriers: new Set(profile.barriers),
    when: whenWanted(profile.days, profile.times),
    point: profile.place ? options.geocoder?.locate(profile.place) : undefined,
    youngPerson: (wantedMask & categoryBit('young_people')) !== 0,
    needsRelevance: queryWords.size > 0 || wanted.some((w) => !w.barrierLike),
    audience: {
      text: profile.text,
      parenting: (wantedMask & categoryBit('parenting')) !== 0,
      youngPerson: (wantedMask & categoryBit('young_people')) !== 0,
      disabled: profile.barriers.includes('access') || (wantedMask & categoryBit('disability_access')) !== 0,
    },
    nowMs: (options.now ?? new Date()).getTime(),
  };
}

/** Further than this from the person, a place you must go to is not "near you" and is never suggested. */
export const MAX_MILES = 25;
/** Suggestions all within this distance (or by phone or online) may be introduced as "near you". */
export const NEAR_MILES = 10;

/** Breaks a barrier the data can speak to, is only for people the person is not, or is too far: never suggested. */
function breaksBarrier(facts: ServiceFacts, p: PreparedProfile): boolean {
  if (outsideAudience(facts.audiences, p.audience)) return true;
  if (p.point && facts.point && facts.inPerson && !facts.online && !facts.phone && milesBetween(p.point, facts.point) > MAX_MILES) return true;
  if (p.barriers.has('cost') && facts.free === false) return true;
  if (p.barriers.has('access') && facts.stepFree === false && facts.inPerson) return true;
  return false;
}

interface Scored {
  service: StoredService;
  facts: ServiceFacts;
  score: number;
  miles?: number;
}

/**
 * Fits something the person told us: one of their interests or needs, or their own words in its name
 * (or several in its description). Anything else would be an arbitrary suggestion with no reason to give.
 */
function relevant(facts: ServiceFacts, p: PreparedProfile, text: number): boolean {
  if (!p.needsRelevance || text >= WEIGHTS.nameWord) return true;
  // Any interest or need counts, not only the first: by weight the second (0.5) would look like a barrier.
  for (const w of p.wanted) if (!w.barrierLike && (facts.categoryMask & w.bit) !== 0) return true;
  return false;
}

/** The score of one service (a plain number: no allocation, this runs for every service). */
function score(facts: ServiceFacts, p: PreparedProfile, text: number): number {
  let s = 0;
  // What matters: category match, strongest wanted categories first.
  let matchedWanted = false;
  let best = 0;
  let sum = 0;
  for (const w of p.wanted) {
    if ((facts.categoryMask & w.bit) === 0) continue;
    sum += w.weight;
    if (w.weight > best) best = w.weight;
    if (w.weight > WEIGHTS.barrierCategoryShare) matchedWanted = true;
  }
  s += WEIGHTS.category * (best + WEIGHTS.extraCategoryShare * (sum - best));
  if (!matchedWanted) s += WEIGHTS.noCategoryMatch;
  s += Math.min(text, WEIGHTS.textCap);
  const otherAudience = facts.categoryMask & AUDIENCE_MASK & ~p.wantedMask;
  if (otherAudience !== 0) s += WEIGHTS.otherAudience * popcount(otherAudience);
  else if ((facts.categoryMask & SHARED_AUDIENCE_MASK & p.wantedMask) !== 0) s += WEIGHTS.sameAudience;
  if (p.youngPerson && (facts.categoryMask & categoryBit('older_people')) !== 0) s += WEIGHTS.otherAudience;

  // Barriers.
  if (facts.free === true) s += p.barriers.has('cost') ? WEIGHTS.freeForCostBarrier : WEIGHTS.free;
  else if (facts.free === undefined && p.barriers.has('cost')) s += WEIGHTS.costUnknown;
  if (p.barriers.has('access') && facts.inPerson) s += facts.stepFree === true ? WEIGHTS.stepFreeForAccess : facts.stepFree === undefined ? WEIGHTS.stepFreeUnknownForAccess : 0;
  if (p.barriers.has('groupAnxiety')) {
    if (facts.groupSize === 'one_to_one') s += WEIGHTS.oneToOneForGroupAnxiety;
    else if (facts.groupSize === 'small_group') s += WEIGHTS.smallGroupForGroupAnxiety;
    else if (facts.groupSize === 'large_group') s += WEIGHTS.largeGroupForGroupAnxiety;
  }
  if (p.barriers.has('transport') && (facts.online || facts.phone)) s += WEIGHTS.remoteForTransport;
  if (p.barriers.has('language')) {
    const language = languageFor(facts, p);
    if (language) s += language.named ? WEIGHTS.namedLanguageForLanguage : WEIGHTS.otherLanguageForLanguage;
  } else if (p.welsh && facts.otherLanguages.some((l) => WELSH.test(l))) s += WEIGHTS.welshForWelshSpeaker;

  // When.
  const fit = p.when ? scheduleFitOnly(facts, p.when) : 'unknown';
  if (fit === 'fits') s += WEIGHTS.scheduleFits;
  else if (fit === 'doesNotFit') s += WEIGHTS.scheduleDoesNotFit;

  // Where: distance counts only against services you must travel to.
  if (p.point && facts.point && facts.inPerson) {
    const miles = milesBetween(p.point, facts.point);
    if (!facts.online && !facts.phone) {
      const reach = p.barriers.has('transport') ? 2 : 1.5;
      if (miles > reach) s += (miles - reach) * (p.barriers.has('transport') ? WEIGHTS.perMileTransport : WEIGHTS.perMile);
      else if (miles < 1) s += WEIGHTS.nearby;
    }
  }

  // Freshness: an entry nobody has checked for a year may be out of date.
  if (facts.assuredMs !== undefined) {
    const ageDays = (p.nowMs - facts.assuredMs) / DAY_MS;
    if (ageDays > 730) s += WEIGHTS.staleTwoYears;
    else if (ageDays > 365) s += WEIGHTS.staleYear;
  }
  return s;
}

const milesTo = (facts: ServiceFacts, p: PreparedProfile) => (p.point && facts.point && facts.inPerson ? milesBetween(p.point, facts.point) : undefined);

function popcount(n: number): number {
  let count = 0;
  for (let v = n; v !== 0; v &= v - 1) count++;
  return count;
}

const byScoreThenId = (a: Scored, b: Scored) => b.score - a.score || (a.service._id < b.service._id ? -1 : a.service._id > b.service._id ? 1 : 0);

/** Greedy pick with a penalty for more of the same activity or organisation, so the top 3 are not three walking groups. */
const varietyWindow = (limit: number) => Math.max(limit * 4, limit + 20);

function pickVaried(window: Scored[], limit: number): Scored[] {
  const picked: Scored[] = [];
  const activityCount = new Map<string, number>();
  const organisationCount = new Map<string, number>();
  const used = new Set<number>();
  while (picked.length < limit && used.size < window.length) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < window.length; i++) {
      if (used.has(i)) continue;
      const c = window[i];
      const adjusted =
        c.score +
        (c.facts.varietyKey.startsWith('oa:') ? WEIGHTS.sameActivity : WEIGHTS.sameCategory) * (activityCount.get(c.facts.varietyKey) ?? 0) +
        (c.facts.organisationKey ? WEIGHTS.sameOrganisation * (organisationCount.get(c.facts.organisationKey) ?? 0) : 0);
      // Strictly greater: on a tie the earlier (higher score, then lower id) candidate stays.
      if (adjusted > bestScore) {
        best = i;
        bestScore = adjusted;
      }
    }
    used.add(best);
    const chosen = { ...window[best], score: bestScore };
    picked.push(chosen);
    activityCount.set(chosen.facts.varietyKey, (activityCount.get(chosen.facts.varietyKey) ?? 0) + 1);
    if (chosen.facts.organisationKey) organisationCount.set(chosen.facts.organisationKey, (organisationCount.get(chosen.facts.organisationKey) ?? 0) + 1);
  }
  return picked;
}

function reasonsFor(c: Scored, p: PreparedProfile): Reason[] {
  const { facts } = c;
  const reasons: Reason[] = [];
  // Why it fits what matters: the first wanted category it has (the person's words or choices before barriers).
  const matched = p.wanted.find((w) => w.wanted.from !== 'barrier' && (facts.categoryMask & w.bit) !== 0) ?? p.wanted.find((w) => (facts.categoryMask & w.bit) !== 0);
  if (matched) {
    const { category, from, words } = matched.wanted;
    reasons.push(words && words.length > 0 ? { kind: 'category', category, from, words: [...words] } : { kind: 'category', category, from });
  }
  const facets: Reason[] = [];
  if (facts.free === true) facets.push({ kind: 'free' });
  if (p.barriers.has('access') && facts.inPerson && facts.stepFree === true) facets.push({ kind: 'stepFree' });
  if (p.barriers.has('groupAnxiety') && facts.groupSize === 'one_to_one') facets.push({ kind: 'oneToOne' });
  if (p.barriers.has('groupAnxiety') && facts.groupSize === 'small_group') facets.push({ kind: 'smallGroup' });
  if (p.barriers.has('transport') || facts.remoteOnly) {
    if (facts.online) facets.push({ kind: 'online' });
    if (facts.phone) facets.push({ kind: 'phone' });
  }
  const language = p.barriers.has('language') || p.welsh ? languageFor(facts, p) : undefined;
  if (language && (p.barriers.has('language') || language.named)) facets.push({ kind: 'language', language: language.language });
  // Barrier facts outrank "free" when cost is not a barrier: keep at most two.
  const ordered = p.barriers.has('cost') ? facets : [...facets.filter((f) => f.kind !== 'free'), ...facets.filter((f) => f.kind === 'free')];
  reasons.push(...ordered.slice(0, 2));
  const { session } = scheduleFit(facts, p.when);
  if (session && session.days.length > 0) {
    const when: Reason = { kind: 'when', days: [...session.days] };
    if (session.opensAt) when.opensAt = session.opensAt;
    if (session.perMonth !== undefined) when.perMonth = session.perMonth;
    reasons.push(when);
  }
  if (c.miles !== undefined && !facts.remoteOnly) reasons.push({ kind: 'distance', miles: Math.round(c.miles * 10) / 10 });
  return reasons;
}

/** Per services array: each service's facts and a word index, built on first use (the directory reuses its array). */
interface Directory {
  services: StoredService[];
  facts: ServiceFacts[];
  words: WordIndex;
}
const directories = new WeakMap<readonly StoredService[], Directory>();

function directoryOf(services: readonly StoredService[]): Directory {
  const known = directories.get(services);
  // The array may have been changed in place since: reuse only when every entry is the same object.
  if (known && known.services.length === services.length && known.services.every((s, i) => s === services[i])) return known;
  const facts = services.map(serviceFacts);
  const words = buildWordIndex(facts, (f) => ({ name: f.nameWords, description: f.descriptionWords }));
  const built = { services: [...services], facts, words };
  directories.set(services, built);
  return built;
}

/** Text relevance of every service: the person's words found in its name (more) or description (less). */
function textScores(directory: Directory, p: PreparedProfile): Float64Array {
  const scores = new Float64Array(directory.facts.length);
  for (const word of p.queryWords) {
    for (const i of directory.words.name.get(word) ?? []) scores[i] += WEIGHTS.nameWord;
    for (const i of directory.words.descriptionOnly.get(word) ?? []) scores[i] += WEIGHTS.descriptionWord;
  }
  return scores;
}

/** Pure and deterministic: same services + profile + options => same result (ties broken by id). */
export function rankServices(services: readonly StoredService[], profile: MatchProfile, options: RankOptions = {}): Suggestion[] {
  const limit = Math.max(0, options.limit ?? DEFAULT_LIMIT);
  if (limit === 0) return [];
  const p = prepare(profile, options);
  const exclude = new Set(options.exclude ?? []);
  // Keep only the best few in order (variety picks from them): no sort of the whole directory.
  const window = varietyWindow(limit);
  const best: Scored[] = [];
  const directory = directoryOf(services);
  const text = textScores(directory, p);
  for (let i = 0; i < services.length; i++) {
    const service = services[i];
    if (service.status !== 'active' || (exclude.size > 0 && exclude.has(service._id))) continue;
    const facts = directory.facts[i];
    if (isPastOneOffEvent(facts.oneOffEndsMs, p.nowMs) || breaksBarrier(facts, p) || !relevant(facts, p, text[i])) continue;
    const value = score(facts, p, text[i]);
    if (best.length === window) {
      const last = best[window - 1];
      if (value < last.score || (value === last.score && service._id >= last.service._id)) continue;
    }
    const candidate: Scored = { service, facts, score: value, miles: milesTo(facts, p) };
    let at = best.length;
    while (at > 0 && byScoreThenId(candidate, best[at - 1]) < 0) at--;
    best.splice(at, 0, candidate);
    if (best.length > window) best.pop();
  }
  return pickVaried(best, limit).map((c) => ({
    id: c.service._id,
    name: c.service.name,
    categories: [...c.facts.categories],
    reasons: reasonsFor(c, p),
    score: Math.round(c.score * 1000) / 1000,
    service: c.service,
  }));
}

/**
 * Whether suggestions may be introduced as "near you": only when we know where the person is and every
 * place to go to is within NEAR_MILES (phone and online ones are near anyone). An unknown or
 * out-of-area postcode gets the plain introduction.
 */
export function suggestionsAreNear(suggestions: readonly Suggestion[]): boolean {
  if (suggestions.length === 0) return false;
  let anyDistance = false;
  for (const s of suggestions) {
    const distance = s.reasons.find((r): r is Extract<Reason, { kind: 'distance' }> => r.kind === 'distance');
    if (distance) {
      anyDistance = true;
      if (distance.miles > NEAR_MILES) return false;
    } else if (!serviceFacts(s.service).remoteOnly) return false;
  }
  return anyDistance;
}
