import fs from 'node:fs';
import path from 'node:path';
import { rankServices } from '../../src/directory/match';
import type { MatchProfile } from '../../src/directory/profile';
import { storedFrom } from '../fixtures/matching/services';

/**
 * A real council directory without our category tags (North Lincolnshire, ORUK): the matcher falls back
 * to keyword categories and text relevance over names and descriptions.
 */
const NORTH_LINCS = path.resolve(__dirname, '../../../shared/data/oruk/north-lincolnshire-services.json');

describe('matching a directory without category tags', () => {
  const services = storedFrom(JSON.parse(fs.readFileSync(NORTH_LINCS, 'utf8')) as Record<string, unknown>[], 'nl');
  const profile = (text: string, categories: MatchProfile['categories'], barriers: MatchProfile['barriers'] = []): MatchProfile => ({ text, categories, barriers, lang: 'en' });
  const textOf = (s: { service: { name: string; description: string } }) => `${s.service.name} ${s.service.description}`.toLowerCase();

  it('finds dementia and carer support for a carer of someone with dementia', () => {
    const top = rankServices(services, profile('I look after my mum who has dementia', [{ category: 'carers_support', from: 'text' }, { category: 'long_term_condition', from: 'text' }]));
    expect(top).toHaveLength(3);
    for (const s of top) expect(textOf(s)).toMatch(/dementia|carer/);
    for (const s of top) expect(s.categories).toContain('carers_support');
  });

  it('finds debt advice for money worries, and coffee mornings for loneliness', () => {
    const debt = rankServices(services, profile('I am struggling with debt and bills', [{ category: 'money_debt', from: 'text' }], ['cost']));
    expect(debt[0].name.toLowerCase()).toContain('debt');
    expect(debt[0].reasons[0]).toEqual({ kind: 'category', category: 'money_debt', from: 'text' });
    const lonely = rankServices(services, profile('I feel lonely and would like to meet people for a coffee', [{ category: 'loneliness', from: 'text' }]));
    for (const s of lonely) expect(textOf(s)).toMatch(/coffee|social|lonel|friend/);
  });
});
