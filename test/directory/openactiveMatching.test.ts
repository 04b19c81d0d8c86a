/** The OpenActive Activity List as the taxonomy for physical activities, for directories without our own tags. */
import { rankServices } from '../../src/directory/match';
import { profileFromAnswers } from '../../src/directory/profile';
import { serviceFacts } from '../../src/directory/serviceFacts';
import { orukRecord, storedFrom } from '../fixtures/matching/services';

const [nordic, pilates, knitting] = storedFrom([
  orukRecord({ id: 'oa-nordic', name: 'Thursday Club', description: 'Meet at the park gates.', openActive: 'nordic_walking' }),
  orukRecord({ id: 'oa-pilates', name: 'Core Class', description: 'A gentle class at the leisure centre.', openActive: 'pilates' }),
  orukRecord({ id: 'plain-knit', name: 'Knit and Natter', description: 'Bring your needles and a flask.' }),
]);

it('a service tagged only with an OpenActive activity counts as physical activity (and walking for the walking family)', () => {
  expect(serviceFacts(nordic).categories).toEqual(expect.arrayContaining(['physical_activity', 'walking']));
  expect(serviceFacts(pilates).categories).toContain('physical_activity');
  expect(serviceFacts(knitting).categories).not.toContain('physical_activity');
});

it('so a person who wants to get active is offered them, with the reason', () => {
  const profile = profileFromAnswers({ whatMatters: 'I want to get fitter', interests: { chosen: ['exercise'] } }, 'en', []);
  const ranked = rankServices([knitting, pilates, nordic], profile, { limit: 3 });
  expect(ranked.slice(0, 2).map((s) => s.id).sort()).toEqual([nordic._id, pilates._id].sort());
  expect(ranked[0].reasons[0]).toMatchObject({ kind: 'category', category: 'physical_activity' });
});
