import { translator } from '../../src/i18n';
import { CATEGORIES } from '../../src/directory/categories';
import { describeReasons, REASON_SEPARATOR } from '../../src/directory/reasons';
import type { Reason } from '../../src/directory/match';

const en = translator('en');
const cy = translator('cy');

describe('describeReasons', () => {
  const reasons: Reason[] = [
    { kind: 'category', category: 'walking', from: 'interest' },
    { kind: 'free' },
    { kind: 'when', days: ['TU'], opensAt: '10:00' },
    { kind: 'distance', miles: 1.2 },
  ];

  it('says each reason in plain English', () => {
    expect(describeReasons(reasons, en).join(REASON_SEPARATOR)).toBe('You said you like being outdoors · Free · Tuesdays 10am · About 1 mile away');
  });

  it('says each reason in Welsh for Welsh speakers', () => {
    expect(describeReasons(reasons, cy)).toEqual(['Dywedoch chi eich bod yn hoffi bod yn yr awyr agored', 'Am ddim', 'Bob dydd Mawrth 10yb', 'Tua milltir i ffwrdd']);
  });

  it('words days, times and distances naturally in both languages', () => {
    const cases: [Reason, string, string][] = [
      [{ kind: 'when', days: ['MO', 'WE'], opensAt: '14:30' }, 'Mondays and Wednesdays 2:30pm', 'Bob dydd Llun a dydd Mercher 2:30yp'],
      [{ kind: 'when', days: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00' }, 'Weekdays 9am', 'Yn ystod yr wythnos 9yb'],
      [{ kind: 'when', days: ['SA', 'SU'], opensAt: '12:00' }, 'Weekends 12 noon', 'Ar benwythnosau hanner dydd'],
      [{ kind: 'when', days: ['TH'], opensAt: '19:00' }, 'Thursdays 7pm', 'Bob dydd Iau 7yp'],
      [{ kind: 'when', days: ['SU'] }, 'Sundays', 'Bob dydd Sul'],
      [{ kind: 'when', days: ['TU'], opensAt: '14:00', perMonth: 1 }, 'Tuesdays 2pm (once a month)', 'Dydd Mawrth 2yp (unwaith y mis)'],
      [{ kind: 'when', days: ['TH'], opensAt: '13:30', perMonth: 2 }, 'Thursdays 1:30pm (twice a month)', 'Dydd Iau 1:30yp (ddwywaith y mis)'],
      [{ kind: 'when', days: ['SA'], perMonth: 3 }, 'Saturdays (3 times a month)', 'Dydd Sadwrn (3 gwaith y mis)'],
      [{ kind: 'distance', miles: 0.3 }, 'Less than half a mile away', 'Llai na hanner milltir i ffwrdd'],
      [{ kind: 'distance', miles: 3.4 }, 'About 3 miles away', 'Tua 3 milltir i ffwrdd'],
      [{ kind: 'oneToOne' }, 'One-to-one', 'Un i un'],
      [{ kind: 'smallGroup' }, 'Small group', 'Grŵp bach'],
      [{ kind: 'stepFree' }, 'Step-free', 'Heb risiau'],
      [{ kind: 'online' }, 'Online', 'Ar-lein'],
      [{ kind: 'phone' }, 'By phone', 'Dros y ffôn'],
      [{ kind: 'language', language: 'Polish' }, 'In Polish', 'Iaith: Pwyleg'],
      [{ kind: 'language', language: 'Tigrinya' }, 'In Tigrinya', 'Iaith: Tigrinya'],
      [{ kind: 'category', category: 'loneliness', from: 'text', words: ['lonely'] }, 'You said you feel lonely', "Dywedoch chi eich bod yn teimlo'n unig"],
      [{ kind: 'category', category: 'anxiety_in_groups', from: 'barrier' }, 'You said groups can feel hard', "Dywedoch chi y gall grwpiau deimlo'n anodd"],
    ];
    for (const [reason, english, welsh] of cases) {
      expect(describeReasons([reason], en)).toEqual([english]);
      expect(describeReasons([reason], cy)).toEqual([welsh]);
    }
  });

  it('has a sentence for every category from every source, different in Welsh', () => {
    for (const category of CATEGORIES) {
      for (const from of ['interest', 'text', 'barrier'] as const) {
        const [english] = describeReasons([{ kind: 'category', category, from }], en);
        const [welsh] = describeReasons([{ kind: 'category', category, from }], cy);
        expect(english.length).toBeGreaterThan(5);
        expect(welsh).not.toBe(english);
      }
    }
  });
});
