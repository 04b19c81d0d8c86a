/**
 * A bare "language" or "iaith" at "What do you enjoy?" (a language to learn) or at "Is there
 * anything that makes it hard…?" (the Language barrier) is the person's answer, not a request to
 * change language. Everywhere else it still asks which language; "change language", "Cymraeg",
 * "Welsh please" and "newid iaith" are commands at every question.
 */
import { recogniseCommand } from '../../src/nlu/commands';
import { SUPPORTED_LANGUAGES } from '../../src/i18n';

const ANSWERED_BY_LANGUAGE = ['whatMatters.interests', 'whatMatters.barriers'];

describe.each(SUPPORTED_LANGUAGES)('"language" while speaking %s', (lang) => {
  it.each(ANSWERED_BY_LANGUAGE.flatMap((question) => ['language', 'Language?', 'languages', 'iaith', 'language please'].map((text) => [question, text])))(
    'at %s, "%s" is an answer, not a command',
    (question, text) => {
      expect(recogniseCommand(text, lang, { waitingQuestion: question })).toBeNull();
    },
  );

  it.each([
    ['change language', { name: 'language' }],
    ['newid iaith', { name: 'language' }],
    ['Cymraeg', { name: 'language', target: 'cy' }],
    ['Welsh please', { name: 'language', target: 'cy' }],
    ['English', { name: 'language', target: 'en' }],
    ['help', { name: 'help' }],
  ])('at the interests question, "%s" is still a command', (text, command) => {
    expect(recogniseCommand(text, lang, { waitingQuestion: 'whatMatters.interests' })).toEqual(command);
  });

  it.each([undefined, 'whatMatters.days', 'consent.ask'])('waiting at %s, a bare "language" asks which language', (question) => {
    expect(recogniseCommand('language', lang, { waitingQuestion: question })).toEqual({ name: 'language' });
    expect(recogniseCommand('iaith', lang, { waitingQuestion: question })).toEqual({ name: 'language' });
  });
});
