import { readFileSync } from 'node:fs';
import { parsePlace } from '../../dialogs/validation';
import { isLanguage, translator, type Language } from '../i18n';
import type { Recognizer } from '../nlu/recognizer';
import { BARRIERS, DAYS, INTERESTS, TIMES, type Answers, type Barrier, type Days, type Interest, type TimeOfDay } from '../referrals/schema';
import { DirectoryGeocoder } from './geocode';
import { extractRecords } from './import';
import { rankServices, type Suggestion } from './match';
import { contentHash, normaliseService } from './normalise';
import { profileFromAnswers, type MatchProfile } from './profile';
import { describeReasons } from './reasons';
import { InputService, type StoredService } from './schema';

/**
 * `npm run suggest -- --text "..." [--interests music,outdoors] [--postcode KX1] [--barriers cost,transport] [--days weekdays]
 *   [--times mornings] [--lang cy] [--limit 3] [--directory file.json] [--json]`
 *
 * Runs the conversation's own extraction and ranking on a made-up profile, so a link worker or a
 * developer can see what a person would be offered, and why.
 */
export const SUGGEST_USAGE =
  'Usage: npm run suggest -- --text "what matters to you" [--interests arts,outdoors,gardening,music,exercise,food,learning,volunteering,social] (--text or --interests or both) [--postcode KX1 2DL | --town Kestleford] [--barriers cost,transport,access,groupAnxiety,caring,language] [--days weekdays|weekends|any] [--times mornings,afternoons,evenings] [--lang en|cy] [--limit N] [--directory services.json] [--json]';

export class SuggestUsageError extends Error {
  override readonly name = 'SuggestUsageError';
}

export interface SuggestArgs {
  text: string;
  /** The interest buttons the person tapped ("Music and singing" is music). */
  interests: Interest[];
  place?: string;
  barriers: Exclude<Barrier, 'nothing'>[];
  days?: Days;
  times?: TimeOfDay[];
  lang: Language;
  limit: number;
  /** Rank the services in this ORUK JSON file instead of the database's. */
  directory?: string;
  json: boolean;
}

function listOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T[] {
  const items = value.split(',').map((v) => v.trim()).filter(Boolean);
  const bad = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (bad.length > 0 || items.length === 0) throw new SuggestUsageError(`${flag} takes ${allowed.join(', ')} (comma-separated); got "${value}".`);
  return items as T[];
}

export function parseSuggestArgs(argv: readonly string[]): SuggestArgs {
  const args: Partial<SuggestArgs> & { barriers: Exclude<Barrier, 'nothing'>[]; interests: Interest[] } = { barriers: [], interests: [], lang: 'en', limit: 3, json: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new SuggestUsageError(`${flag} needs a value.\n${SUGGEST_USAGE}`);
      return v;
    };
    switch (flag) {
      case '--text':
        args.text = value();
        break;
      case '--interests':
        args.interests = listOf(flag, value(), INTERESTS);
        break;
      case '--postcode':
      case '--town':
        args.place = value();
        break;
      case '--barriers':
        args.barriers = listOf(flag, value(), BARRIERS.filter((b): b is Exclude<Barrier, 'nothing'> => b !== 'nothing'));
        break;
      case '--days':
        args.days = listOf(flag, value(), DAYS)[0];
        break;
      case '--times':
        args.times = listOf(flag, value(), TIMES);
        break;
      case '--lang': {
        const lang = value();
        if (!isLanguage(lang)) throw new SuggestUsageError(`--lang takes en or cy; got "${lang}".`);
        args.lang = lang;
        break;
      }
      case '--limit': {
        const limit = Number(value());
        if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new SuggestUsageError('--limit takes a whole number from 1 to 50.');
        args.limit = limit;
        break;
      }
      case '--directory':
        args.directory = value();
        break;
      case '--json':
        args.json = true;
        break;
      case '--help':
      case '-h':
        throw new SuggestUsageError(SUGGEST_USAGE);
      default:
        throw new SuggestUsageError(`Unknown option "${flag}".\n${SUGGEST_USAGE}`);
    }
  }
  // Someone who only tapped interests and typed nothing is a real person too.
  if (!args.text?.trim() && args.interests.length === 0) throw new SuggestUsageError(`--text or --interests is required.\n${SUGGEST_USAGE}`);
  return { ...args, text: args.text ?? '' } as SuggestArgs;
}

/** The answers the conversation would have stored for these arguments. */
export function answersFromArgs(args: SuggestArgs): Answers {
  const answers: Answers = { whatMatters: args.text.trim() };
  if (args.interests.length > 0) answers.interests = { chosen: [...args.interests] };
  if (args.place) {
    const place = parsePlace(args.place);
    if (!place.ok) throw new SuggestUsageError(`"${args.place}" is not a UK postcode, postcode district or town name.`);
    answers.place = place.value;
  }
  if (args.barriers.length > 0) answers.barriers = args.barriers;
  if (args.days) answers.days = args.days;
  if (args.times) answers.times = args.times;
  return answers;
}

/** Services from an ORUK JSON file, normalised exactly as the importer would store them. */
export function servicesFromFile(file: string, now = new Date()): StoredService[] {
  const records = extractRecords(JSON.parse(readFileSync(file, 'utf8')));
  const services: StoredService[] = [];
  for (const record of records) {
    const parsed = InputService.safeParse(record);
    if (!parsed.success) continue;
    const normalised = normaliseService(parsed.data, 'file');
    if ('error' in normalised) continue;
    const { content } = normalised;
    services.push({ ...content, provenance: { ...content.provenance, importedAt: now }, updatedAt: now, contentHash: contentHash(content) });
  }
  return services.filter((s) => s.status === 'active');
}

export interface SuggestOutput {
  profile: MatchProfile;
  suggestions: { id: string; name: string; categories: string[]; reasons: string[] }[];
}

export async function suggestFor(args: SuggestArgs, services: readonly StoredService[], recognizer: Recognizer): Promise<SuggestOutput> {
  const answers = answersFromArgs(args);
  const recognition = args.text.trim() ? await recognizer.recognize(args.text, args.lang) : undefined;
  const profile = profileFromAnswers(answers, args.lang, recognition?.categories ?? []);
  const t = translator(args.lang);
  // The same geocoder ServiceDirectory uses: postcode districts and towns from the directory itself.
  const ranked: Suggestion[] = rankServices(services, profile, { limit: args.limit, geocoder: new DirectoryGeocoder(services) });
  return {
    profile,
    suggestions: ranked.map((s) => ({ id: s.id, name: s.name, categories: [...s.categories], reasons: describeReasons(s.reasons, t) })),
  };
}

/** Human-readable output: the profile in a line, then the numbered suggestions with their reasons. */
export function formatSuggestions(output: SuggestOutput): string {
  const lines = [
    `Categories: ${output.profile.categories.map((c) => `${c.category} (${c.from}${c.words?.length ? `: ${c.words.join(', ')}` : ''})`).join(', ') || 'none found'}`,
  ];
  if (output.profile.barriers.length) lines.push(`Barriers: ${output.profile.barriers.join(', ')}`);
  if (output.profile.place) lines.push(`Place: ${output.profile.place.value}`);
  lines.push('');
  if (output.suggestions.length === 0) lines.push('No services fit.');
  output.suggestions.forEach((s, i) => {
    lines.push(`${i + 1}. ${s.name}  [${s.id}]`);
    lines.push(`   ${s.reasons.join(' · ')}`);
  });
  return lines.join('\n');
}
