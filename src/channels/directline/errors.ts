/**
 * Direct Line 3.0 errors: every failure answers `{ error: { code, message } }` with an HTTP status,
 * as the Azure service does, so Web Chat (botframework-directlinejs) reacts the same way:
 * 403 means "token expired or not for this conversation", 404 "conversation ended".
 */
export type DirectLineErrorCode =
  | 'BadArgument'
  | 'MissingProperty'
  | 'Unauthorized'
  | 'TokenExpired'
  | 'Forbidden'
  | 'ConversationNotFound'
  | 'MessageSizeTooBig'
  | 'TooManyRequests'
  | 'ServiceUnavailable'
  | 'ServiceError';

export class DirectLineError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 429 | 500 | 503,
    readonly code: DirectLineErrorCode,
    message: string,
    /** Seconds until a retry may succeed (429 only). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'DirectLineError';
  }

  toBody(): { error: { code: DirectLineErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
