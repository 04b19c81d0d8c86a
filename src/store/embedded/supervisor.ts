import type { SpawnedServer } from './spawn';

export interface SupervisorOptions {
  /** Starts one embedded server; port 0 picks a free port (first start only). */
  start(port: number): Promise<SpawnedServer>;
  log(line: string): void;
  /** Called once the server has been started again (e.g. to recreate indexes of an in-memory server). */
  onRestarted?(server: SpawnedServer): void;
  /** Called when the server died and could not be brought back; Front Door cannot work without it. */
  onGiveUp(error: Error): void;
  /** Start attempts after each unexpected exit (default 3). */
  attempts?: number;
  /** Pause before attempt n is n times this (default 250 ms): quick, but lets the dead server's port go. */
  retryDelayMs?: number;
  /** More unexpected exits than this within windowMs is a crash loop: give up (default 5 in 60 s). */
  maxRestarts?: number;
  windowMs?: number;
}

export interface SupervisedServer {
  /** Always the same: a restarted server listens on the first one's port, so the driver reconnects by itself. */
  readonly uri: string;
  /** The running server's process id (changes with each restart). */
  pid(): number | undefined;
  stop(): Promise<void>;
}

/**
 * Keeps the embedded server running: when its process dies unexpectedly (killed, out of memory, a crash),
 * says so at once and starts it again on the same data and the same port, a bounded number of times;
 * if it cannot, reports why through onGiveUp rather than leaving Front Door running without a database.
 */
export async function superviseEmbeddedServer(options: SupervisorOptions): Promise<SupervisedServer> {
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 250;
  const maxRestarts = options.maxRestarts ?? 5;
  const windowMs = options.windowMs ?? 60_000;
  let current = await options.start(0);
  const uri = current.uri;
  const port = portOf(uri);
  const exits: number[] = [];
  let stopping = false;

  const watch = (server: SpawnedServer) => {
    server.child.once('exit', (code, signal) => {
      if (stopping || server !== current) return;
      const how = signal ? `killed by ${signal}` : `exited with code ${code}`;
      options.log(`Embedded MongoDB (pid ${server.child.pid}) ${how}: the database is down; restarting it on port ${port} with the same data.`);
      void restart();
    });
  };

  const restart = async () => {
    const now = Date.now();
    exits.push(now);
    while (exits.length > 0 && exits[0] <= now - windowMs) exits.shift();
    if (exits.length > maxRestarts) {
      return giveUp(new Error(`it stopped ${exits.length} times within ${Math.round(windowMs / 1000)} s`));
    }
    let lastError = new Error('no attempt made');
    for (let attempt = 1; attempt <= attempts && !stopping; attempt++) {
      await sleep(retryDelayMs * attempt);
      if (stopping) return;
      try {
        const started = await options.start(port);
        if (stopping) return void (await started.stop());
        current = started;
        watch(started);
        options.log(`Embedded MongoDB restarted at ${uri} (pid ${started.child.pid}, attempt ${attempt} of ${attempts}).`);
        options.onRestarted?.(started);
        return;
      } catch (error) {
        lastError = error as Error;
        options.log(`Embedded MongoDB restart attempt ${attempt} of ${attempts} failed: ${oneLine(lastError.message)}`);
      }
    }
    if (!stopping) giveUp(lastError);
  };

  const giveUp = (error: Error) => {
    options.log(`Embedded MongoDB could not be kept running (${oneLine(error.message)}): giving up so Front Door can be restarted.`);
    options.onGiveUp(error);
  };

  watch(current);
  return {
    uri,
    pid: () => current.child.pid,
    stop: () => {
      stopping = true;
      return current.stop();
    },
  };
}

function portOf(uri: string): number {
  const match = /^mongodb:\/\/[^/:]+:(\d+)/.exec(uri);
  if (!match) throw new Error(`No port in the embedded server's URI ${uri}`);
  return Number(match[1]);
}

/** A multi-line reason (e.g. the child's output) as one log line. */
function oneLine(text: string): string {
  return text.trim().split('\n').filter((line) => line.trim()).join(' / ').slice(0, 500);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
