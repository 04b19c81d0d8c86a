/**
 * A load generator that runs in its own process, so the server under test has its event loop
 * and a core to itself. Each conversation is driven by one loop, turn after turn (a person never
 * sends two messages at the same instant), and every turn's latency is recorded.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import { turnActivity } from '../test/helpers/appProcess';
import type { LatencySummary } from './measure';
import { percentile } from './measure';

export interface LoadPlan {
  url: string;
  conversationPrefix: string;
  conversations: number;
  turnsPerConversation: number;
  /** Texts sent in turn, cycling. */
  texts: string[];
}

function postTurn(agent: http.Agent, url: URL, conversationId: string, text: string, id: number): Promise<void> {
  const body = JSON.stringify(turnActivity(conversationId, text, `load-${id}`));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: '/api/messages', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

export async function runLoad(plan: LoadPlan): Promise<LatencySummary & { errors: number }> {
  const url = new URL(plan.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.conversations });
  const latencies: number[] = [];
  let errors = 0;
  let id = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: plan.conversations }, async (_, c) => {
      for (let turn = 0; turn < plan.turnsPerConversation; turn++) {
        const t0 = process.hrtime.bigint();
        try {
          await postTurn(agent, url, `${plan.conversationPrefix}-${c}`, plan.texts[turn % plan.texts.length], id++);
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    perSecond: (latencies.length / elapsedMs) * 1000,
    errors,
  };
}

/** Runs a plan in a child process and resolves with its summary. */
export function runLoadInChild(plan: LoadPlan): Promise<LatencySummary & { errors: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [JSON.stringify(plan)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load generator exited with ${code}`))));
  });
}

if (require.main === module) {
  runLoad(JSON.parse(process.argv[2]) as LoadPlan)
    .then((summary) => {
      process.stdout.write(JSON.stringify(summary));
      process.exit(0);
    })
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
