import fs from 'node:fs';
import path from 'node:path';
import { rankServices } from '../../src/directory/match';
import type { MatchProfile } from '../../src/directory/profile';
import { describeReasons } from '../../src/directory/reasons';
import { translator } from '../../src/i18n';
import { storedFrom } from '../fixtures/matching/services';

/**
 * What a person would be offered from a real council directory (North Lincolnshire, no category tags,
 * categories read from names and descriptions), and the reasons they would read.
 */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');

describe('suggestions from a real council directory', () => {
  const services = storedFrom(JSON.parse(fs.readFileSync(NORTH_LINCS, 'utf8')) as Record<string, unknown>[], 'nl');
  const profile = (text: string, categories: MatchProfile['categories'], barriers: MatchProfile['barriers'] = [], lang: MatchProfile['lang'] = 'en'): MatchProfile => ({ text, categories, barriers, lang });
  const top = (p: MatchProfile, limit = 5) => rankServices(services, p, { limit });
  const names = (p: MatchProfile, limit = 5) => top(p, limit).map((s) => s.name);

  it('does not say a cricket talk or a current affairs group is about gardening', () => {
    const p = profile('i used to love my allotment', [{ category: 'gardening_nature', from: 'text', words: ['allotment'] }]);
    const t = translator('en');
    const shown = top(p);
    expect(shown.map((s) => s.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Cricket|Current Affairs|Golf/)]));
    // Every "You mentioned gardening and nature" is on a service that is about gardening or nature.
    for (const s of shown) {
      if (describeReasons(s.reasons, t).includes('You mentioned gardening and nature')) {
        expect(`${s.name} ${s.service.description}`).toMatch(/garden|allotment|wildlife|woodland|conservation/i);
      }
    }
    expect(shown[0].name).toMatch(/Allotment|Garden/i);
  });

  it('does not tell a lonely widower that debt advice or a music PR company is for loneliness', () => {
    const p = profile('Rydw i wedi colli fy ngwraig ac rydw i’n unig', [{ category: 'loneliness', from: 'text', words: ['unig'] }, { category: 'bereavement', from: 'text' }], [], 'cy');
    const shown = top(p, 20);
    expect(shown.map((s) => s.name)).not.toEqual(expect.arrayContaining([expect.stringMatching(/Business Debtline|Guilty Men/)]));
    // "You said you feel lonely" only on services that are about loneliness or meeting people.
    const cy = translator('cy');
    for (const s of shown) {
      if (describeReasons(s.reasons, cy).includes("Dywedoch chi eich bod yn teimlo'n unig")) {
        expect(`${s.name} ${s.service.description}`).toMatch(/lonel|isolat|friend|coffee|befriend/i);
      }
    }
  });

  it('does not offer a music class for babies and under-fives to an adult who loves singing', () => {
    const shown = names(profile('i love singing', [{ category: 'music_singing', from: 'text', words: ['singing'] }]), 10);
    expect(shown).not.toEqual(expect.arrayContaining([expect.stringMatching(/Mini Music Makers|Little Choir|Music Bugs|Starlight Arts/)]));
    expect(shown.length).toBeGreaterThan(0);
  });

  it('offers toddler groups to someone who says they have a toddler', () => {
    const shown = names(profile('i want to meet other parents, my toddler is 2', [{ category: 'parenting', from: 'text' }]), 10);
    expect(shown.some((n) => /toddler|tots/i.test(n))).toBe(true);
  });

  it('keeps a women-only drop in and learning disability services from someone who has not said they are in that group', () => {
    const shown = names(profile('i feel lonely and would like to meet people', [{ category: 'loneliness', from: 'text' }, { category: 'mental_wellbeing', from: 'text' }]), 30);
    expect(shown).not.toEqual(expect.arrayContaining([expect.stringMatching(/Women's Only|Ladies Only|Adult Learning Disability|Starlight Arts/)]));
  });
});
