import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface AppProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** SIGTERM and wait (graceful). */
  stop(): Promise<void>;
  /** SIGKILL and wait: a crash. */
  kill(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const READY = /Front Door listening at (http:\/\/\S+)/;

/** Starts `npm start`'s entry point as a real process on a free port, with its own data directory. */
export function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Front Door did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          child,
          output: () => output,
          stop: async () => {
            child.kill('SIGTERM');
            await exited;
          },
          kill: async () => {
            child.kill('SIGKILL');
            await exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Front Door exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

export interface ReplyActivity {
  type: string;
  text?: string;
  channelData?: { safety?: string };
  suggestedActions?: { actions: { title: string }[] };
}

let nextId = 1;

/** One turn through POST /api/messages with deliveryMode expectReplies; returns the bot's replies. */
/** A message as the Emulator would post it to /api/messages, asking for the replies in the HTTP answer. */
export function turnActivity(conversationId: string, text: string | undefined, id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id,
    text,
    channelId: 'emulator',
    deliveryMode: 'expectReplies',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
    locale: 'en-GB',
    ...extra,
  };
}

export async function sendTurn(url: string, conversationId: string, text: string | undefined, extra: Record<string, unknown> = {}): Promise<ReplyActivity[]> {
  const response = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(turnActivity(conversationId, text, `m${nextId++}`, extra)),
  });
  if (response.status !== 200) throw new Error(`POST /api/messages answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { activities?: ReplyActivity[] };
  return body.activities ?? [];
}

export const textsOf = (replies: ReplyActivity[]) => replies.map((r) => r.text ?? '').join('\n');
