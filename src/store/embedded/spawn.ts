import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedServer {
  uri: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const READY = /Embedded MongoDB listening at (mongodb:\/\/\S+)/;

/**
 * Starts the embedded server in a child process, so it never shares the bot's event loop,
 * and resolves with its URI once it listens. The child stops when the parent goes.
 */
export function spawnEmbeddedServer(options: { port?: number; dbPath?: string; memory?: boolean; startTimeoutMs?: number } = {}): Promise<SpawnedServer> {
  const runningFromSource = __filename.endsWith('.ts');
  const entry = path.join(__dirname, runningFromSource ? 'main.ts' : 'main.js');
  const args = ['--port', String(options.port ?? 0)];
  if (options.memory) args.push('--memory');
  else args.push('--dbpath', options.dbPath ?? './data/db');
  const child = fork(entry, args, {
    execArgv: runningFromSource ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The embedded MongoDB server did not start within ${options.startTimeoutMs ?? 20000} ms:\n${output}`));
    }, options.startTimeoutMs ?? 20000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ uri: match[1], child, stop: () => stopChild(child) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The embedded MongoDB server exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
