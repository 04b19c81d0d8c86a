import net from 'node:net';

export interface SilenceableRelay {
  /** A MongoDB URI that reaches the target through the relay. */
  uri: string;
  /** From now on nothing passes either way, as in a network partition or a frozen server. */
  silence(): void;
  close(): Promise<void>;
}

/** A TCP relay to a database (its URI read when a connection opens) that can go silent on demand. */
export async function silenceableRelay(targetUri: () => string): Promise<SilenceableRelay> {
  const sockets = new Set<net.Socket>();
  let silent = false;
  const server = net.createServer((client) => {
    const target = new URL(targetUri());
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => silent || upstream.write(chunk));
    upstream.on('data', (chunk) => silent || client.write(chunk));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    uri: `mongodb://127.0.0.1:${(server.address() as net.AddressInfo).port}/`,
    silence: () => {
      silent = true;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
