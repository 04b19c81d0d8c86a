/**
 * A database that has gone silent (a network partition, a frozen server) holds each operation for
 * as long as the driver's timeouts allow: tens of seconds. Work that must not wait that long (crisis
 * support, a health probe, Twilio's 15-second webhook) races the operation against a deadline.
 */
export class DeadlinePassedError extends Error {}

/** `work`, or a DeadlinePassedError once `ms` has passed; `work` carries on, its failure ignored. */
export function withinDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlinePassedError(`${what} took longer than ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, passed]).finally(() => clearTimeout(timer));
}
