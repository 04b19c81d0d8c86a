/**
 * People with dyslexia or little English answer yes/no questions as they would text a friend:
 * "yeh", "okk", "noo", a thumbs up. These are understood, not met with "Sorry, I didn't understand".
 */
import { ConsentDialog } from '../../dialogs';
import { matchable, matchChoice } from '../../dialogs/choiceMatching';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, Conversation, newPersonKey, tFor } from './support';

const yesNo = [matchable('yes', 'common.choices.yes'), matchable('no', 'common.choices.no')];

describe('everyday spellings of yes and no', () => {
  it.each(['yeh', 'ya', 'ye', 'yse', 'yess', 'yesss', 'okey', 'oki', 'okk', '👍', '👍🏽', 'Yeh!', 'yeh please'])('"%s" is yes', (text) => {
    expect(matchChoice(text, yesNo)).toBe('yes');
  });

  it.each(['noo', 'nooo', 'nope', 'nah', '👎', 'nagoes', 'nacoes'])('"%s" is no', (text) => {
    expect(matchChoice(text, yesNo)).toBe('no');
  });

  it('a thumbs down beside a yes agrees with nothing, so the question is asked again', () => {
    expect(matchChoice('yes 👎', yesNo)).toBeUndefined();
  });
});

describe('the consent question answered with an everyday spelling', () => {
  let database: TestDatabase;
  let repo: ReferralRepository;

  beforeAll(async () => {
    database = await startTestDatabase();
    repo = new ReferralRepository(database.db);
  });
  afterAll(async () => database.stop());

  async function askedConsent() {
    const personKey = newPersonKey('spelling');
    await repo.getOrCreate(personKey, 'webchat', 'en');
    await repo.setLanguage(personKey, 'en');
    const conversation = new Conversation(new ConsentDialog(repo, config), { personKey }, 'webchat');
    await conversation.say('hi');
    return conversation;
  }

  it.each(['yeh', 'okk', '👍'])('"%s" keeps the answers and thanks them', async (text) => {
    const conversation = await askedConsent();
    const reply = await conversation.say(text);
    expect(reply.text).not.toContain(tFor('en')('common.notUnderstood'));
    expect(reply.text).toContain(tFor('en')('consent.thanks'));
    expect(conversation.result).toEqual({ consented: true });
  });

  it('after a no, a thumbs up accepts the no: it does not undo it', async () => {
    const conversation = await askedConsent();
    await conversation.say('no');
    const reply = await conversation.say('👍');
    expect(reply.text).not.toContain(tFor('en')('consent.thanks'));
    expect(conversation.finished).toBe(false);
  });

  it.each(['noo', '👎'])('"%s" keeps nothing and says where else to get help', async (text) => {
    const conversation = await askedConsent();
    const reply = await conversation.say(text);
    expect(reply.text).toContain(tFor('en')('consent.declined'));
  });
});
