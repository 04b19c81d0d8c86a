import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { startFrontDoor } from '../src/app';
import { loadConfig } from '../src/config';
import { sendTurn } from '../test/helpers/appProcess';
import { measurePerConversation, printHeader, printLatency } from './measure';

const CONVERSATIONS = 50;
const TURNS = 2000;
const OPENING = ['English', 'yes', 'I would like to meet people and get out more', 'walking', 'nothing'];
/** The bench is one IP sending fast on purpose: lift the per-IP and per-conversation limits. */
const UNLIMITED = { capacity: 1e9, perSecond: 1e9 };

interface BotActivity {
  type: string;
  text?: string;
  from?: { role?: string };
}

/** One Web Chat user: a token, a conversation, a WebSocket stream; `say` resolves when the bot's reply arrives on the stream. */
class StreamingPerson {
  private waiting: (() => void) | undefined;
  private constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly conversationId: string,
    private readonly ws: WebSocket,
  ) {
    ws.on('message', (data) => {
      const frame = data.toString();
      if (!frame) return;
      const { activities } = JSON.parse(frame) as { activities: BotActivity[] };
      if (activities.some((a) => a.type === 'message' && a.from?.role === 'bot') && this.waiting) {
        const done = this.waiting;
        this.waiting = undefined;
        done();
      }
    });
  }

  static async start(appUrl: string): Promise<StreamingPerson> {
    const base = `${appUrl}/v3/directline`;
    const generated = (await (await fetch(`${base}/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
    const auth = { Authorization: `Bearer ${generated.token}` };
    const started = (await (await fetch(`${base}/conversations`, { method: 'POST', headers: auth })).json()) as { streamUrl: string };
    const ws = new WebSocket(started.streamUrl);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    return new StreamingPerson(base, generated.token, generated.conversationId, ws);
  }

  /** Posts a message and resolves when a bot message arrives on the stream (the reply). */
  async say(text: string): Promise<void> {
    const replied = new Promise<void>((resolve) => (this.waiting = resolve));
    const res = await fetch(`${this.base}/conversations/${this.conversationId}/activities`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'message', text, from: { id: 'user', role: 'user' } }),
    });
    if (res.status !== 200) throw new Error(`post answered ${res.status}`);
    await res.arrayBuffer();
    await replied;
  }

  close(): void {
    this.ws.close();
  }
}

/** Direct Line round trip beside /api/messages (issue: web chat front door). */
export async function benchDirectLine(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-bench-dl-'));
  const limits = { perIp: UNLIMITED, generatePerIp: UNLIMITED, perConversation: UNLIMITED };
  const app = await startFrontDoor(loadConfig({ PORT: '0', FRONTDOOR_DATA_DIR: dataDir }), () => undefined, { directLine: { limits } });
  const people: StreamingPerson[] = [];
  try {
    printHeader(`Direct Line round trip (POST an activity, reply on the WebSocket), ${CONVERSATIONS} concurrent conversations`);
    for (let c = 0; c < CONVERSATIONS; c++) people.push(await StreamingPerson.start(app.url));
    await Promise.all(people.map(async (person) => {
      for (const text of OPENING) await person.say(text);
    }));
    await Promise.all(Array.from({ length: CONVERSATIONS }, async (_, c) => {
      for (const text of ['hi', ...OPENING]) await sendTurn(app.url, `api-${c}`, text);
    }));

    const turnsEach = TURNS / CONVERSATIONS;
    const directLine = await measurePerConversation(CONVERSATIONS, turnsEach, (c) => people[c].say('purple'));
    const api = await measurePerConversation(CONVERSATIONS, turnsEach, (c) => sendTurn(app.url, `api-${c}`, 'purple'));
    printLatency('Direct Line: POST activity to reply on the WebSocket', directLine, api, '/api/messages expectReplies');
    console.log(`  throughput: Direct Line ${directLine.perSecond.toFixed(0)} turns/s, /api/messages ${api.perSecond.toFixed(0)} turns/s`);
    return true;
  } finally {
    for (const person of people) person.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
