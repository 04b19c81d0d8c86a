/**
 * Replies to a check-in that are not answers: questions about who is texting, counts that start
 * with a number, "n/a". None of them may be stored as went / not yet / need help.
 */
import { interpretFollowUpReply, isQuestionNotAnswer } from '../../src/followups/replies';

describe('replies to a check-in that are not answers', () => {
  it.each([
    ['no idea who this is', 'en'],
    ['no, who are you?', 'en'],
    ['Who is this?', 'en'],
    ["who's this", 'en'],
    ['wrong number', 'en'],
    ['n/a', 'en'],
    ["pwy sy 'na?", 'cy'],
    ['Pwy ydych chi?', 'cy'],
  ] as const)('%j (%s) is not an answer, and asks who we are', (text, lang) => {
    expect(interpretFollowUpReply(text, lang)).toBeUndefined();
    expect(isQuestionNotAnswer(text, lang)).toBe(true);
  });

  it.each(['2 weeks ago', '3 times!', '1 week', '2 wythnos yn ôl', 'not yet?', 'yes?'])('%j is not recorded as an answer', (text) => {
    expect(interpretFollowUpReply(text, 'en')).toBeUndefined();
  });

  it.each([
    ['1', 'went'],
    ['3 please', 'needHelp'],
    ['2 not yet', 'notYet'],
    ['who can help me? I need help', 'needHelp'],
    ['can someone call me?', 'needHelp'],
  ] as const)('%j is still %s', (text, answer) => {
    expect(interpretFollowUpReply(text, 'en')).toBe(answer);
    expect(isQuestionNotAnswer(text, 'en')).toBe(false);
  });
});
