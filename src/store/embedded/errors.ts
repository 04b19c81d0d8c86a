import type { Document } from 'bson';

/**
 * A command failure reported to the client the way MongoDB reports it
 * ({ ok: 0, errmsg, code, codeName }), so the official driver raises its usual errors.
 */
export class CommandError extends Error {
  constructor(
    readonly code: number,
    readonly codeName: string,
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
export const invalidNamespace = (message: string) => new CommandError(73, 'InvalidNamespace', message);
export const namespaceNotFound = (ns: string) => new CommandError(26, 'NamespaceNotFound', `ns does not exist: ${ns}`);
export const namespaceExists = (ns: string) => new CommandError(48, 'NamespaceExists', `Collection ${ns} already exists.`);
export const cursorNotFound = (id: string) => new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
export const immutableField = () =>
  new CommandError(66, 'ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
export const indexNotFound = (name: string) => new CommandError(27, 'IndexNotFound', `index not found with name [${name}]`);
export const indexOptionsConflict = (message: string) => new CommandError(85, 'IndexOptionsConflict', message);

/** Anything outside the portable subset (ARCHITECTURE.md, "Storage") is refused by name, never answered wrongly. */
export const notSupported = (what: string) =>
  new CommandError(
    238,
    'NotImplemented',
    `${what} is not supported by Front Door's embedded MongoDB server: it is outside the portable subset ` +
      '(see ARCHITECTURE.md, "Storage"). Use a real MongoDB via MONGODB_URI if you need it.',
  );

export const commandNotFound = (name: string) =>
  new CommandError(
    59,
    'CommandNotFound',
    `no such command: '${name}'. Front Door's embedded MongoDB server implements only the portable subset ` +
      '(see ARCHITECTURE.md, "Storage").',
  );
