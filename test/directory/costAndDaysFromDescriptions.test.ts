import fs from 'node:fs';
import path from 'node:path';
import { rankServices } from '../../src/directory/match';
import { profileFromAnswers, type MatchProfile } from '../../src/directory/profile';
import { describeReasons } from '../../src/directory/reasons';
import { translator } from '../../src/i18n';
import { storedFrom } from '../fixtures/matching/services';

/**
 * A council directory with empty fees and no schedules that says cost and days only in descriptions:
 * a cost barrier still keeps paid things out, free things say "Free", and named days count.
 */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');

describe('cost and days read from descriptions', () => {
  const services = storedFrom(JSON.parse(fs.readFileSync(NORTH_LINCS, 'utf8')) as Record<string, unknown>[], 'nl');
  const t = translator('en');
  const profile = (text: string, categories: MatchProfile['categories'], extra: Partial<MatchProfile> = {}): MatchProfile => ({ text, categories, barriers: [], lang: 'en', ...extra });

  it('never offers a ticketed concert or a priced class to someone for whom money is tight', () => {
    const shown = rankServices(services, profile('money is tight but i love music', [{ category: 'music_singing', from: 'text' }], { barriers: ['cost'] }), { limit: 20 });
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(s.service.description).not.toMatch(/£\s?\d/);
    expect(shown.map((s) => s.name)).not.toContain('Town Hall Live');
  });

  it('treats "money is tight" in their own words as the cost barrier', () => {
    const p = profileFromAnswers({ whatMatters: 'money is tight, i love music' }, 'en', [
      { category: 'music_singing', words: ['music'] },
      { category: 'cost_barrier', words: ['money', 'tight'] },
    ]);
    expect(p.barriers).toContain('cost');
  });

  it('says "Free" for a group whose description says it is free to attend', () => {
    const shown = rankServices(services, profile('i used to love my allotment', [{ category: 'gardening_nature', from: 'text', words: ['allotment'] }]), { limit: 3 });
    const allotment = shown.find((s) => s.name === 'Gardening Group - Allotment');
    expect(allotment).toBeDefined();
    expect(describeReasons(allotment!.reasons, t)).toContain('Free');
  });

  it('puts a group that meets only on a weekday below one with no days for someone free only at weekends', () => {
    const record = (id: string, name: string, description: string) => ({ id, name, description, status: 'active', fees: '' });
    const two = storedFrom([
      record('a-mon', 'Friendship Group', 'A friendly group for anyone who feels lonely. We meet every Monday 10am to 12pm at the library.'),
      record('b-any', 'Friendship Circle', 'A friendly group for anyone who feels lonely. Come and make friends.'),
    ]);
    const p = profile('i feel lonely', [{ category: 'loneliness', from: 'text' }], { days: 'weekends' });
    expect(rankServices(two, p, { limit: 2 }).map((s) => s.name)).toEqual(['Friendship Circle', 'Friendship Group']);
    // For someone free on weekdays the Monday group is no worse (ties go by id).
    expect(rankServices(two, { ...p, days: 'weekdays' }, { limit: 2 }).map((s) => s.name)).toEqual(['Friendship Group', 'Friendship Circle']);
  });

});
