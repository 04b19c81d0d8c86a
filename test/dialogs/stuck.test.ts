/**
 * Stuck on a question: from the second miss in a row, the question asked again also offers a way
 * forward ("skip" where the question can be skipped, and "talk to a person" always).
 */
import { WellbeingDialog, WhatMattersDialog } from '../../dialogs';
import { preferSmsVariants } from '../../dialogs/render';
import type { Language } from '../../src/i18n';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { consentedPerson, Conversation, LANGUAGES, tFor } from './support';

let database: TestDatabase;
let repo: ReferralRepository;
beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

const NONSENSE = 'zzqx qqzx';

async function misses(lang: Language, start: { only?: string; wellbeing?: boolean }, count: number, channel = 'test'): Promise<string[]> {
  const personKey = await consentedPerson(repo, lang, 'stuck');
  const dialog = start.wellbeing ? new WellbeingDialog(repo) : new WhatMattersDialog(repo);
  const conversation = new Conversation(dialog, { personKey, only: start.only }, channel);
  await conversation.say('hello');
  const replies: string[] = [];
  for (let i = 0; i < count; i += 1) replies.push((await conversation.say(NONSENSE)).text);
  return replies;
}

describe.each(LANGUAGES)('stuck on a question (%s)', (lang) => {
  const t = tFor(lang);

  it('the first miss just asks again; from the second, skip or talk to a person is offered', async () => {
    const replies = await misses(lang, { wellbeing: true }, 4);
    expect(replies[0]).not.toContain(t('common.stuck.skipOrPerson'));
    expect(replies[1]).toContain(t('common.stuck.skipOrPerson'));
    expect(replies[2]).toContain(t('common.stuck.skipOrPerson'));
    expect(replies[3]).toContain(t('common.stuck.skipOrPerson'));
    expect(replies[2]).toContain(t('wellbeing.lifeSatisfaction.ask'));
  });

  it('a question that cannot be skipped offers only talking to a person', async () => {
    const replies = await misses(lang, { only: 'when' }, 3);
    expect(replies[2]).toContain(t('common.stuck.person'));
    expect(replies[2]).not.toContain(t('common.stuck.skipOrPerson'));
  });

  it('by text, the way forward is in the SMS words', async () => {
    const sms = preferSmsVariants(t, lang);
    const replies = await misses(lang, { wellbeing: true }, 3, 'sms');
    expect(replies[2]).toContain(sms('common.stuck.skipOrPerson'));
  });
});
