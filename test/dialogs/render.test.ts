import { isTextOnlyChannel, renderQuestion } from '../../dialogs/render';

describe('renderQuestion', () => {
  const view = {
    text: 'Is it OK?',
    choices: ['Yes', 'No'],
    extraButtons: ['Skip'],
    textOnlyHint: 'Reply with a number or a word.',
  };

  it('shows choices as suggested actions that send their own words', () => {
    const activity = renderQuestion('webchat', view);
    expect(activity.text).toBe('Is it OK?');
    expect(activity.inputHint).toBe('expectingInput');
    expect(activity.suggestedActions!.actions.map((a) => [a.type, a.title, a.value])).toEqual([
      ['imBack', 'Yes', 'Yes'],
      ['imBack', 'No', 'No'],
      ['imBack', 'Skip', 'Skip'],
    ]);
  });

  it('over SMS lists the choices with numbers in the text', () => {
    const activity = renderQuestion('sms', view);
    expect(activity.suggestedActions).toBeUndefined();
    expect(activity.text).toBe('Is it OK?\n1. Yes\n2. No\nReply with a number or a word.');
  });

  it('knows which channels show only text', () => {
    expect(isTextOnlyChannel('sms')).toBe(true);
    expect(isTextOnlyChannel('twilio-sms')).toBe(true);
    expect(isTextOnlyChannel('webchat')).toBe(false);
    expect(isTextOnlyChannel('directline')).toBe(false);
    expect(isTextOnlyChannel(undefined)).toBe(false);
  });
});
