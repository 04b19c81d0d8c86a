import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** Enough for every channel and cloud a deployment talks to; anonymous callers cannot grow it past this. */
const MAX_CLIENTS = 64;

/** A small least-recently-used map: a hit moves the key to the end, an insert past the limit drops the oldest. */
class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  getOrCreate(key: string, create: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const created = create();
    this.entries.set(key, created);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return created;
  }

  /** Drops the key if it still holds this value (a later replacement is kept). */
  forget(key: string, value: V): void {
    if (this.entries.get(key) === value) this.entries.delete(key);
  }
}

/** Caches a client being created; a failed creation (e.g. credentials unreachable) is dropped so the next turn tries again. */
function reuse<C>(cache: LruCache<Promise<C>>, key: string, create: () => Promise<C>): Promise<C> {
  const client = cache.getOrCreate(key, create);
  client.catch(() => cache.forget(key, client));
  return client;
}

/** The bot's app id as botbuilder's own factories read it from the claims (audience, else appid claim). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return (
    claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: LruCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\n${audience ?? ''}\n${serviceUrl}`;
    return reuse(this.clients, key, () => this.inner.create(serviceUrl, audience));
  }
}

/**
 * botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient (each an Azure HTTP
 * pipeline, with credentials) for every inbound activity, even when the replies go back in the
 * HTTP response. That was a tenth of a turn's CPU. A client depends only on the app id, audience
 * and service URL, and its credentials cache their own tokens, so one client per combination is
 * reused (botbuilder's older BotFrameworkAdapter kept one per service URL the same way).
 * Authentication of each request is unchanged: it is delegated as it was.
 */
export class ReusedConnectorClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectorClients = new LruCache<Promise<ConnectorClient>>(MAX_CLIENTS);
  private readonly userTokenClients = new LruCache<Promise<UserTokenClient>>(MAX_CLIENTS);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity), this.connectorClients);
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return reuse(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectorClients) };
  }
}
