import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { startFrontDoor } from '../src/app';
import { loadConfig } from '../src/config';
import { sendTurn } from '../test/helpers/appProcess';
import { runLoadInChild } from './loadgen';
import { printHeader, printTarget, printThroughput } from './measure';

const CONVERSATIONS = 50;
const TURNS_PER_CONVERSATION = 120;

/** The same botbuilder + restify stack with a bot that only echoes: the baseline. */
async function startEchoBot(): Promise<{ url: string; close: () => Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`You said: ${context.activity.text}`);
    await next();
  });
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Brings a conversation to the "which days suit you" question, where the measured turns happen. */
async function advance(url: string, conversation: string): Promise<void> {
  for (const text of ['hi', 'English', 'yes', 'I would like to meet people and get out more', 'walking', 'nothing']) {
    await sendTurn(url, conversation, text);
  }
}

/** Mid-conversation turns through /api/messages (issue: the guided conversation). */
export async function benchTurns(): Promise<boolean> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdoor-bench-turns-'));
  const echo = await startEchoBot();
  const app = await startFrontDoor(loadConfig({ PORT: '0', FRONTDOOR_DATA_DIR: dataDir }), () => undefined);
  try {
    printHeader(`Turns through POST /api/messages (expectReplies), ${CONVERSATIONS} concurrent conversations, load from a separate process`);
    const plan = { conversations: CONVERSATIONS, turnsPerConversation: TURNS_PER_CONVERSATION };
    await runLoadInChild({ ...plan, turnsPerConversation: 10, url: echo.url, conversationPrefix: 'warm', texts: ['hello'] });
    const echoTurns = await runLoadInChild({ ...plan, url: echo.url, conversationPrefix: 'echo', texts: ['hello'] });

    await Promise.all(Array.from({ length: CONVERSATIONS }, (_, c) => advance(app.url, `fd-${c}`)));
    // A turn that writes to the referral ("talk to a person"), then one the question re-asks.
    const texts = ['talk to a person', 'purple'];
    await runLoadInChild({ ...plan, turnsPerConversation: 10, url: app.url, conversationPrefix: 'fd', texts });
    const frontDoor = await runLoadInChild({ ...plan, url: app.url, conversationPrefix: 'fd', texts });
    printThroughput('Front Door mid-conversation turn (MongoDB state on the embedded server)', frontDoor, echoTurns, 'echo bot');
    if (frontDoor.errors + echoTurns.errors > 0) console.log(`  errors: Front Door ${frontDoor.errors}, echo ${echoTurns.errors}`);
    const ratio = frontDoor.perSecond / echoTurns.perSecond;
    const ratioMet = printTarget(`throughput at least 0.5 of the echo bot (measured ${ratio.toFixed(2)})`, ratio >= 0.5);
    const p99Met = printTarget(`p99 under 150 ms (measured ${frontDoor.p99.toFixed(1)} ms)`, frontDoor.p99 < 150);
    return ratioMet && p99Met && frontDoor.errors === 0;
  } finally {
    await app.stop();
    await echo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
