import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from 'botbuilder';
import { ReusedConnectorClientsAuthentication } from '../../src/channels/reusedConnectorClients';

/** A local stand-in for a channel's connector: records the replies posted to it. */
async function fakeConnector(): Promise<{ url: string; posted: string[]; close: () => Promise<void> }> {
  const posted: string[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      posted.push(`${req.method} ${req.url} ${(JSON.parse(body) as { text?: string }).text ?? ''}`);
      // Not chained: restify, loaded by other suites in the same worker, patches writeHead to return nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `r${posted.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, posted, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function inbound(serviceUrl: string, id: string): Activity {
  return {
    type: ActivityTypes.Message,
    id,
    text: 'hello',
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conv-1' },
    from: { id: 'person' },
    recipient: { id: 'bot' },
  } as Activity;
}

describe('reused connector clients', () => {
  const connectors: Awaited<ReturnType<typeof fakeConnector>>[] = [];
  afterAll(async () => Promise.all(connectors.map((c) => c.close())));

  it('replies still reach the channel, and one client serves every turn for the same service URL', async () => {
    const [first, second] = [await fakeConnector(), await fakeConnector()];
    connectors.push(first, second);
    const adapter = new CloudAdapter(new ReusedConnectorClientsAuthentication(new ConfigurationBotFrameworkAuthentication({})));
    const clients: unknown[] = [];
    const reply = async (context: TurnContext) => {
      clients.push(context.turnState.get(adapter.ConnectorClientKey));
      await context.sendActivity(`reply to ${context.activity.id}`);
    };

    await adapter.processActivityDirect('', inbound(first.url, 'a1'), reply);
    await adapter.processActivityDirect('', inbound(first.url, 'a2'), reply);
    await adapter.processActivityDirect('', inbound(second.url, 'b1'), reply);

    expect(first.posted).toEqual([
      'POST /v3/conversations/conv-1/activities/a1 reply to a1',
      'POST /v3/conversations/conv-1/activities/a2 reply to a2',
    ]);
    expect(second.posted).toEqual(['POST /v3/conversations/conv-1/activities/b1 reply to b1']);
    expect(clients[0]).toBe(clients[1]);
    expect(clients[2]).not.toBe(clients[0]);
  });

  it('proactive messages use the cache too and still arrive', async () => {
    const connector = await fakeConnector();
    connectors.push(connector);
    const adapter = new CloudAdapter(new ReusedConnectorClientsAuthentication(new ConfigurationBotFrameworkAuthentication({})));
    const reference = conversationReference(connector.url);
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('a link worker has joined');
    });
    await adapter.continueConversationAsync('', reference, async (context) => {
      await context.sendActivity('and again');
    });
    // A continuation has a made-up id, which the reply names.
    expect(connector.posted.map((line) => line.replace(/activities\/\S+/, 'activities/{id}'))).toEqual([
      'POST /v3/conversations/conv-1/activities/{id} a link worker has joined',
      'POST /v3/conversations/conv-1/activities/{id} and again',
    ]);
  });

  it('a service URL that cannot be reached fails that turn only; the next turn tries again', async () => {
    const adapter = new CloudAdapter(new ReusedConnectorClientsAuthentication(new ConfigurationBotFrameworkAuthentication({})));
    const gone = await fakeConnector();
    const url = gone.url;
    await gone.close();
    await expect(
      adapter.processActivityDirect('', inbound(url, 'x1'), async (context) => {
        await context.sendActivity('lost');
      }),
    ).rejects.toThrow();
    // Something listens there again: the same URL works (the failed send did not poison the cache).
    const back = await fakeConnector();
    connectors.push(back);
    await adapter.processActivityDirect('', inbound(back.url, 'x2'), async (context) => {
      await context.sendActivity('found');
    });
    expect(back.posted).toEqual(['POST /v3/conversations/conv-1/activities/x2 found']);
  });
});

function conversationReference(serviceUrl: string) {
  return {
    channelId: 'emulator',
    serviceUrl,
    conversation: { id: 'conv-1', isGroup: false, conversationType: 'personal', name: '' },
    bot: { id: 'bot', name: 'bot' },
    user: { id: 'person', name: 'person' },
  };
}
