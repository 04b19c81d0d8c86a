import { SummaryDialog, WellbeingDialog } from '../../dialogs';
import { ReferralRepository } from '../../src/referrals';
import { startTestDatabase, type TestDatabase } from '../helpers/db';
import { config, consentedPerson, Conversation, LANGUAGES, storedAnswers, tFor, typed } from './support';

let database: TestDatabase;
let repo: ReferralRepository;

beforeAll(async () => {
  database = await startTestDatabase();
  repo = new ReferralRepository(database.db);
});
afterAll(async () => database.stop());

describe.each(LANGUAGES)('wellbeing all skipped (%s)', (lang) => {
  const t = tFor(lang);

  it('is not thanked "for answering", and is read back in words, not four dashes', async () => {
    const personKey = await consentedPerson(repo, lang, 'skipped');
    await repo.saveAnswer(personKey, 'whatMatters', 'Getting out more');
    const wellbeing = new Conversation(new WellbeingDialog(repo), { personKey });
    await wellbeing.say('hello');
    let reply = await wellbeing.say('skip');
    for (let i = 0; i < 3; i++) reply = await wellbeing.say('skip');
    expect(reply.text).toContain(t('wellbeing.thanksSkipped'));
    expect(reply.text).not.toContain(t('wellbeing.thanks'));

    const summary = await new Conversation(new SummaryDialog(repo, config), { personKey }).say('hello');
    const text = summary.activities[0].text!;
    expect(text).toContain(t('summary.lines.wellbeing', { value: t('common.notGiven') }));
    expect(text).not.toContain(t('common.skippedScore') + ',');
  });

  it('with some answered, still thanks the person for answering', async () => {
    const personKey = await consentedPerson(repo, lang, 'some');
    const wellbeing = new Conversation(new WellbeingDialog(repo), { personKey });
    await wellbeing.say('hello');
    await wellbeing.say('7');
    await wellbeing.say('skip');
    await wellbeing.say('6');
    const reply = await wellbeing.say('skip');
    expect(reply.text).toContain(t('wellbeing.thanks'));
  });
});

describe('"Which part would you like to change?" answered in a sentence', () => {
  const t = tFor('en');

  async function atWhichPart(contactMethod: 'phone' | 'chat') {
    const personKey = await consentedPerson(repo, 'en', 'part');
    await repo.saveAnswer(personKey, 'whatMatters', 'Getting out more');
    await repo.saveAnswer(personKey, 'contactMethod', contactMethod);
    if (contactMethod === 'phone') await repo.saveAnswer(personKey, 'contactNumber', '+447700900123');
    const conversation = new Conversation(new SummaryDialog(repo, config), { personKey });
    await conversation.say('hello');
    const reply = await conversation.say(typed.en.change);
    expect(reply.text).toContain(t('summary.whichPart'));
    return { personKey, conversation };
  }

  it('"the phone number is wrong, its 07700900111" takes the new number and reads the summary back', async () => {
    const { personKey, conversation } = await atWhichPart('phone');
    const reply = await conversation.say('the phone number is wrong, its 07700900111');
    expect(reply.text).not.toContain(t('common.notUnderstood'));
    expect(reply.text).toContain(t('summary.numberChanged', { number: '07700 900111' }));
    expect(reply.text).toContain(t('summary.contactValues.phone', { number: '07700 900111' }));
    expect(reply.text).toContain(t('summary.ask'));
    expect((await storedAnswers(database.db, personKey)).contactNumber).toBe('+447700900111');
  });

  it('"my phone number is wrong" asks the keeping-in-touch questions again', async () => {
    const { conversation } = await atWhichPart('phone');
    const reply = await conversation.say('my phone number is wrong');
    expect(reply.text).toContain(t('whatMatters.contact.ask'));
  });

  it('a number given while contact is "in this chat" asks how to keep in touch', async () => {
    const { conversation } = await atWhichPart('chat');
    const reply = await conversation.say('can you ring me instead on 07700900111');
    expect(reply.text).toContain(t('whatMatters.contact.ask'));
  });
});
