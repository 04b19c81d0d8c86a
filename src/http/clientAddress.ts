import type { IncomingHttpHeaders } from 'node:http';
import { BlockList, isIP } from 'node:net';

/** What is needed of a request (restify's, or a WebSocket upgrade's) to know who sent it. */
export interface ClientRequest {
  socket: { remoteAddress?: string };
  headers: IncomingHttpHeaders;
}

/**
 * The client's address for rate limits and the audit log: the socket's peer, unless that peer is
 * one of `trustedProxies` (addresses or CIDR ranges, e.g. the TLS reverse proxy); then
 * X-Forwarded-For is read from the right, skipping trusted hops, and the first address not
 * trusted is the client. Nobody else's X-Forwarded-For is believed: a client could write anything.
 */
export function clientIpBehind(trustedProxies: readonly string[]): (req: ClientRequest) => string {
  const trusted = new BlockList();
  for (const entry of trustedProxies) addTrusted(trusted, entry);
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return family !== 0 && trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
  return (req) => {
    let client = plainAddress(req.socket.remoteAddress ?? 'unknown');
    if (!isTrusted(client)) return client;
    const hops = String(firstHeader(req.headers['x-forwarded-for']) ?? '').split(',').map((hop) => plainAddress(hop.trim()));
    for (const hop of hops.reverse()) {
      // Garbage can only come from beyond the trusted hops: keep the last address we could trust.
      if (isIP(hop) === 0) return client;
      client = hop;
      if (!isTrusted(hop)) return hop;
    }
    return client;
  };
}

function addTrusted(list: BlockList, entry: string): void {
  const [address, prefix] = entry.split('/');
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (prefix === undefined) list.addAddress(address, family);
  else list.addSubnet(address, Number(prefix), family);
}

/** "::ffff:10.0.0.1" (an IPv4 peer on a dual-stack socket) as "10.0.0.1", so one address has one spelling. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
