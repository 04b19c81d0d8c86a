import { recogniseCommand } from '../../src/nlu/commands';
import { SUPPORTED_LANGUAGES } from '../../src/i18n';

describe.each(SUPPORTED_LANGUAGES)('recogniseCommand while speaking %s', (lang) => {
  it.each([
    ['help', 'help'],
    ['Help!', 'help'],
    ['HELP ME', 'help'],
    ['cymorth', 'help'],
    ['start again', 'restart'],
    ['Start over please', 'restart'],
    ['dechrau eto', 'restart'],
    ['ailddechrau', 'restart'],
    ['stop', 'stop'],
    ['STOP.', 'stop'],
    ['cancel', 'stop'],
    ['pause', 'stop'],
    ['please stop', 'stop'],
    ['stopio', 'stop'],
    ['canslo', 'stop'],
    ['carry on', 'resume'],
    ['parhau', 'resume'],
    ['talk to a person', 'human'],
    ['Can I speak to someone please?', 'human'],
    ['I want to talk to a real person', 'human'],
    ['siarad â pherson', 'human'],
    ['siarad a pherson', 'human'],
    // Southern and northern ways of asking, without "dw i" (a Welsh tester's round).
    ['wi moyn siarad â rhywun', 'human'],
    ['moyn siarad gyda person', 'human'],
    ['isio siarad efo person go iawn', 'human'],
    ['delete my data', 'delete'],
    ['Delete my data please', 'delete'],
    ['dileu fy nata', 'delete'],
    // Safe alone: deleting always asks for confirmation first.
    ['delete', 'delete'],
    ['change language', 'language'],
    ['newid iaith', 'language'],
  ])('"%s" is %s', (text, name) => {
    expect(recogniseCommand(text, lang)?.name).toBe(name);
  });

  it.each([
    ['Cymraeg', 'cy'],
    ['cymraeg plis', 'cy'],
    ['Welsh please', 'cy'],
    ['English', 'en'],
    ['Saesneg', 'en'],
    ['in English please', 'en'],
  ])('"%s" switches language to %s', (text, target) => {
    expect(recogniseCommand(text, lang)).toEqual({ name: 'language', target });
  });

  it('asks which language when none is named', () => {
    expect(recogniseCommand('change language', lang)).toEqual({ name: 'language' });
  });

  it.each([
    'I want to stop feeling lonely',
    'I need help with my shopping',
    'help me find a walking group',
    "I can't stop crying",
    'my husband is a real person too',
    'I would like to start again with painting',
  ])('"%s" is not a command', (text) => {
    expect(recogniseCommand(text, lang)).toBeNull();
  });

  it.each(['', '   ', '!!!', 'yes', 'no', '1', 'Cost', 'gardening'])('"%s" is not a command', (text) => {
    expect(recogniseCommand(text, lang)).toBeNull();
  });

  it('ignores a very long message without slowing down', () => {
    const long = 'stop '.repeat(4000);
    expect(recogniseCommand(long, lang)).toBeNull();
  });
});
