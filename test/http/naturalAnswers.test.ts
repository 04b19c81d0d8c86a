/**
 * People answer in their own way, not in button labels. A whole conversation in everyday English
 * and Welsh, through POST /api/messages, ends with the same clean answers stored as tapping would.
 */
import { Collections } from '../../src/store';
import { sendTurn, textsOf } from '../helpers/appProcess';
import { startAppOnTestDatabase, type AppOnTestDatabase } from '../helpers/app';

let running: AppOnTestDatabase | undefined;
beforeAll(async () => {
  running = await startAppOnTestDatabase();
});
afterAll(async () => running?.stop());

const conversations = {
  en: {
    say: [
      'hello',
      'english please',
      "yes that's fine",
      "I've been on my own since I moved here",
      'gardening',
      'no thanks',
      'money is tight and I get nervous in big groups',
      // What was heard is said back, then "Anything else that gets in the way?"
      "no that's it",
      'weekends mostly',
      'mornings',
      'nope',
      'I live in Leeds',
      'by text please',
      'my number is 07700 900123',
      'my name is Jo',
    ],
    noted: /I've noted: Cost and feeling anxious in groups\./,
    name: 'Jo',
    place: { kind: 'town', value: 'Leeds' },
  },
  cy: {
    say: [
      'helo',
      'Cymraeg',
      "ydy, mae hynny'n iawn",
      "Dw i wedi bod ar fy mhen fy hun ers i mi symud yma",
      'garddio',
      'dim',
      "Dw i methu fforddio llawer ac mae grwpiau mawr yn fy ngwneud i'n nerfus",
      'dyna i gyd',
      'penwythnosau fel arfer',
      'boreau',
      'dim',
      "dw i'n byw yng Nghaerdydd",
      'neges destun sy orau',
      'fy rhif i yw 07700 900123',
      "galwch fi'n Huw",
    ],
    noted: /Rydw i wedi nodi: Cost a theimlo'n bryderus mewn grwpiau\./,
    name: 'Huw',
    place: { kind: 'town', value: 'Caerdydd' },
  },
} as const;

describe.each(['en', 'cy'] as const)('everyday answers (%s)', (lang) => {
  it('are understood one after another, and stored as clean answers', async () => {
    const conversation = conversations[lang];
    const replies: string[] = [];
    for (const text of conversation.say) replies.push(textsOf(await sendTurn(running!.app.url, `natural-${lang}`, text)));
    // Nothing was met with "Sorry, I didn't understand that."
    expect(replies.filter((reply) => /didn't understand|doeddwn i ddim yn deall/.test(reply))).toEqual([]);
    expect(replies.join('\n')).toMatch(conversation.noted);

    const referral = await running!.t.db.collection(Collections.referrals).findOne({ lang });
    expect(referral?.consent).toBeDefined();
    expect(referral?.answers).toMatchObject({
      interests: { chosen: ['gardening'] },
      barriers: ['cost', 'groupAnxiety'],
      days: 'weekends',
      times: ['mornings'],
      place: conversation.place,
      contactMethod: 'sms',
      contactNumber: '+447700900123',
      preferredName: conversation.name,
    });
  });
});
