import type { DialogContext } from 'botbuilder-dialogs';

/** A question with a closed set of answers, which can say whether a message is one of them. */
export interface AnswerRecogniser {
  acceptsAnswer(text: string, state: object): boolean;
}

export function isAnswerRecogniser(value: unknown): value is AnswerRecogniser {
  return typeof (value as Partial<AnswerRecogniser> | undefined)?.acceptsAnswer === 'function';
}

/**
 * True when the question waiting deepest in the dialog stack takes this message as one of its
 * choices. The pipeline checks this before treating a message as a global command, so that
 * "Cymraeg" answers "Which language?" and "Carry on" answers "Shall we carry on?", instead of
 * being taken as commands that would ask the same question again.
 */
/** The id of the question waiting at the bottom of the dialog stack, if any. */
export function activeQuestionId(dc: DialogContext): string | undefined {
  let current: DialogContext = dc;
  for (let child = current.child; child; child = current.child) current = child;
  return current.activeDialog?.id;
}

export function activeQuestionAccepts(dc: DialogContext, text: string): boolean {
  let current: DialogContext = dc;
  for (let child = current.child; child; child = current.child) current = child;
  const active = current.activeDialog;
  if (!active) return false;
  const dialog = current.findDialog(active.id);
  return isAnswerRecogniser(dialog) ? dialog.acceptsAnswer(text, active.state) : false;
}
