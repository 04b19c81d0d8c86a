import { profileFromAnswers, profileText } from '../../src/directory/profile';

describe('profileFromAnswers', () => {
  it('puts the person’s own words first, then their interest choices, then barrier categories, each category once', () => {
    const profile = profileFromAnswers(
      {
        whatMatters: 'I feel lonely since I retired',
        whatMattersMore: 'I miss walking with friends',
        interests: { chosen: ['outdoors', 'social'], ownWords: 'birdwatching' },
        barriers: ['cost', 'groupAnxiety'],
        days: 'weekdays',
        times: ['mornings'],
        place: { kind: 'postcodeDistrict', value: 'KX1' },
      },
      'cy',
      [
        { category: 'loneliness', words: ['lonely'] },
        { category: 'walking', words: ['walking'] },
      ],
    );
    expect(profile.categories).toEqual([
      { category: 'loneliness', from: 'text', words: ['lonely'] },
      { category: 'walking', from: 'text', words: ['walking'] },
      { category: 'gardening_nature', from: 'interest' },
      { category: 'cost_barrier', from: 'barrier' },
      { category: 'anxiety_in_groups', from: 'barrier' },
    ]);
    expect(profile.barriers).toEqual(['cost', 'groupAnxiety']);
    expect(profile).toMatchObject({ days: 'weekdays', times: ['mornings'], place: { kind: 'postcodeDistrict', value: 'KX1' }, lang: 'cy' });
    expect(profile.text).toBe('I feel lonely since I retired\nI miss walking with friends\nbirdwatching');
  });

  it('drops "nothing" from barriers and leaves out what was skipped or not asked', () => {
    const profile = profileFromAnswers({ whatMatters: 'Music', whatMattersMore: null, barriers: ['nothing'], place: null }, 'en', []);
    expect(profile.barriers).toEqual([]);
    expect(profile.categories).toEqual([]);
    expect(profile.place).toBeUndefined();
    expect(profile.days).toBeUndefined();
    expect(profile.text).toBe('Music');
  });
});

describe('profileText', () => {
  it('joins what matters, the follow-up and interests in the person’s own words', () => {
    expect(profileText({ whatMatters: ' Seeing people ', interests: { chosen: ['arts'] } })).toBe('Seeing people');
    expect(profileText({})).toBe('');
  });
});
