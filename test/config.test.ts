/** Configuration from the environment: defaults, bad values named with what they should be, start-up warning. */
import path from 'node:path';
import { startFrontDoor } from '../src/app';
import { isLoopbackHost } from '../src/startupWarnings';
import { ConfigError, loadConfig } from '../src/config';
import { startTestDatabase } from './helpers/db';

/** The error message loadConfig throws for an environment, or a failure if it does not throw. */
function problemWith(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('defaults', () => {
  it('with nothing set: port 3978 on loopback, anonymous, embedded database, sensible service settings', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3978,
      host: '127.0.0.1',
      hostWasDefaulted: true,
      mongodbUri: undefined,
      mongodbDatabase: undefined,
      dataDir: path.resolve('./data'),
      dbPath: path.join(path.resolve('./data'), 'db'),
      serviceName: 'Front Door',
      nextStepsDays: 3,
      minimumAge: 18,
      publicBaseUrl: undefined,
      linkWorkerHours: 'Mon-Fri 09:00-17:00',
      linkWorkerTimeZone: 'Europe/London',
      linkWorkerClosedDates: '',
      linkWorkerBankHolidays: 'england-and-wales',
      trustedProxies: [],
      followUps: { checkInDays: 7, ons4Weeks: 6, sendWindow: { start: '09:00', end: '20:00' }, timeZone: 'Europe/London' },
      retention: { finishedReferralDays: 30, abandonedReferralDays: 90 },
      fieldEncryption: { key: undefined, previousKeys: [] },
      bot: { appId: undefined, appPassword: undefined, appType: 'MultiTenant', tenantId: undefined, anonymous: true },
    });
  });

  it('with an app id the bot authenticates and listens on every interface', () => {
    const config = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.hostWasDefaulted).toBe(true);
    expect(config.bot).toMatchObject({ appId: 'app-id', appPassword: 'secret', appType: 'MultiTenant', anonymous: false });
  });

  it('an explicit HOST is used as given and remembered as explicit, even when it is the default', () => {
    expect(loadConfig({ HOST: '0.0.0.0' })).toMatchObject({ host: '0.0.0.0', hostWasDefaulted: false });
    expect(loadConfig({ HOST: '127.0.0.1' })).toMatchObject({ host: '127.0.0.1', hostWasDefaulted: false });
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', HOST: '10.0.0.5' })).toMatchObject({ host: '10.0.0.5', hostWasDefaulted: false });
  });

  it('reads every other setting', () => {
    const config = loadConfig({
      PORT: '8080',
      MONGODB_URI: 'mongodb+srv://user:pass@cluster.example.net/fd',
      MONGODB_DATABASE: 'frontdoor_test',
      FRONTDOOR_DATA_DIR: '/tmp/fd-data',
      SERVICE_NAME: 'Front Door Cardiff',
      NEXT_STEPS_DAYS: '5',
      PUBLIC_BASE_URL: 'https://frontdoor.example.org',
      LINKWORKER_HOURS: 'Mon-Sat 08:30-18:00',
      LINKWORKER_TIMEZONE: 'Europe/Dublin',
      LINKWORKER_CLOSED_DATES: '2026-12-24..2027-01-01, 2027-05-08',
      LINKWORKER_BANK_HOLIDAYS: 'none',
    });
    expect(config).toMatchObject({
      linkWorkerHours: 'Mon-Sat 08:30-18:00',
      linkWorkerTimeZone: 'Europe/Dublin',
      linkWorkerClosedDates: '2026-12-24..2027-01-01, 2027-05-08',
      linkWorkerBankHolidays: 'none',
      port: 8080,
      mongodbUri: 'mongodb+srv://user:pass@cluster.example.net/fd',
      mongodbDatabase: 'frontdoor_test',
      dataDir: '/tmp/fd-data',
      dbPath: path.join('/tmp/fd-data', 'db'),
      serviceName: 'Front Door Cardiff',
      nextStepsDays: 5,
      publicBaseUrl: 'https://frontdoor.example.org',
    });
  });

  it('reads the retention days, and treats blank ones as unset', () => {
    expect(loadConfig({ RETENTION_CLOSED_DAYS: '7', RETENTION_ABANDONED_DAYS: '365' }).retention).toEqual({ finishedReferralDays: 7, abandonedReferralDays: 365 });
    expect(loadConfig({ RETENTION_CLOSED_DAYS: ' ', RETENTION_ABANDONED_DAYS: '' }).retention).toEqual({ finishedReferralDays: 30, abandonedReferralDays: 90 });
  });

  it('accepts the other app types with what they need', () => {
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }).bot).toMatchObject({
      appType: 'UserAssignedMSI',
      appPassword: undefined,
      anonymous: false,
    });
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 't' }).bot).toMatchObject({
      appType: 'SingleTenant',
      tenantId: 't',
    });
  });

  it('treats empty and blank strings as unset', () => {
    const blank: Record<string, string> = {};
    const names = ['PORT', 'HOST', 'MONGODB_URI', 'MONGODB_DATABASE', 'FRONTDOOR_DATA_DIR', 'SERVICE_NAME', 'NEXT_STEPS_DAYS', 'PUBLIC_BASE_URL'];
    const botNames = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId'];
    [...names, ...botNames].forEach((name, i) => (blank[name] = i % 2 === 0 ? '' : '   '));
    expect(loadConfig(blank)).toEqual(loadConfig({}));
    // An empty app id means anonymous, so no password is needed and the host stays on loopback.
    expect(loadConfig({ MicrosoftAppId: '', MicrosoftAppType: 'SingleTenant' })).toMatchObject({ host: '127.0.0.1', bot: { anonymous: true } });
    // An empty password with an app id is a missing password.
    expect(problemWith({ MicrosoftAppId: 'a', MicrosoftAppPassword: ' ' })).toMatch(/MicrosoftAppPassword: required/);
  });
});

describe('bad values stop start-up with the variable named and what it should be', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT', /PORT: must be a port number from 0 to 65535/],
    [{ PORT: '70000' }, 'PORT', /PORT: must be a port number from 0 to 65535/],
    [{ PORT: '-1' }, 'PORT', /PORT: must be a port number from 0 to 65535/],
    [{ PORT: '80.5' }, 'PORT', /PORT: must be a port number from 0 to 65535/],
    [{ MONGODB_URI: 'http://x' }, 'MONGODB_URI', /MONGODB_URI: must be a MongoDB connection string, e\.g\. mongodb:\/\//],
    [{ MONGODB_DATABASE: 'has space' }, 'MONGODB_DATABASE', /MONGODB_DATABASE: must be a database name/],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType', /MicrosoftAppType: .*"MultiTenant".*"SingleTenant".*"UserAssignedMSI"/],
    [{ MicrosoftAppId: 'app-id' }, 'MicrosoftAppPassword', /MicrosoftAppPassword: required when MicrosoftAppId is set/],
    [
      { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId',
      /MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant/,
    ],
    [{ NEXT_STEPS_DAYS: '0' }, 'NEXT_STEPS_DAYS', /NEXT_STEPS_DAYS: must be a whole number of days from 1 to 60/],
    [{ NEXT_STEPS_DAYS: 'soon' }, 'NEXT_STEPS_DAYS', /NEXT_STEPS_DAYS: must be a whole number of days from 1 to 60/],
    [{ PUBLIC_BASE_URL: 'ftp://example.org' }, 'PUBLIC_BASE_URL', /PUBLIC_BASE_URL: must be an http or https address/],
    [{ RETENTION_CLOSED_DAYS: '6' }, 'RETENTION_CLOSED_DAYS', /RETENTION_CLOSED_DAYS: must be a whole number of days from 7 to 3650/],
    [{ RETENTION_CLOSED_DAYS: 'a month' }, 'RETENTION_CLOSED_DAYS', /RETENTION_CLOSED_DAYS: must be a whole number of days from 7 to 3650/],
    [{ RETENTION_CLOSED_DAYS: '30.5' }, 'RETENTION_CLOSED_DAYS', /RETENTION_CLOSED_DAYS: must be a whole number of days from 7 to 3650/],
    [{ RETENTION_ABANDONED_DAYS: '29' }, 'RETENTION_ABANDONED_DAYS', /RETENTION_ABANDONED_DAYS: must be a whole number of days from 30 to 3650/],
    [{ RETENTION_ABANDONED_DAYS: '3651' }, 'RETENTION_ABANDONED_DAYS', /RETENTION_ABANDONED_DAYS: must be a whole number of days from 30 to 3650/],
    [{ TRUSTED_PROXIES: 'proxy.example.org' }, 'TRUSTED_PROXIES', /TRUSTED_PROXIES: must be comma-separated IP addresses or CIDR ranges.*\(not valid: proxy\.example\.org\)/],
    [{ TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33' }, 'TRUSTED_PROXIES', /TRUSTED_PROXIES: must be comma-separated IP addresses or CIDR ranges.*\(not valid: 10\.0\.0\.0\/33\)/],
    [{ TRUSTED_PROXIES: '1' }, 'TRUSTED_PROXIES', /TRUSTED_PROXIES: must be comma-separated IP addresses or CIDR ranges/],
  ])('%j', (env, variable, expected) => {
    const message = problemWith(env);
    expect(message).toMatch(/^Front Door's configuration is not valid:\n/);
    expect(message).toMatch(expected);
    // Only the bad variable is named, once.
    const named = [...message.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]);
    expect(named).toEqual([variable]);
  });

  it('names every bad variable at once', () => {
    const message = problemWith({ PORT: 'abc', MONGODB_URI: 'http://x', NEXT_STEPS_DAYS: '0' });
    expect([...message.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]).sort()).toEqual(['MONGODB_URI', 'NEXT_STEPS_DAYS', 'PORT']);
  });

  it('asks for all four CLU_ variables or none, and never repeats the key', () => {
    const message = problemWith({ CLU_ENDPOINT: 'https://lang.example.org', CLU_KEY: 'clu-key-secret' });
    expect(message).toMatch(/^Front Door's configuration is not valid:\n/);
    expect([...message.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]).sort()).toEqual(['CLU_DEPLOYMENT', 'CLU_PROJECT']);
    expect(message).not.toContain('clu-key-secret');
    expect(problemWith({ CLU_ENDPOINT: 'http://lang.example.org', CLU_KEY: 'k', CLU_PROJECT: 'p', CLU_DEPLOYMENT: 'd' })).toMatch(/CLU_ENDPOINT: must start with https:\/\//);
    expect(loadConfig({}).clu).toBeUndefined();
    expect(loadConfig({ CLU_ENDPOINT: 'https://lang.example.org', CLU_KEY: 'k', CLU_PROJECT: 'front-door', CLU_DEPLOYMENT: 'production' }).clu).toEqual({
      endpoint: 'https://lang.example.org',
      key: 'k',
      projectName: 'front-door',
      deploymentName: 'production',
    });
  });

  it('TRUSTED_PROXIES takes addresses and CIDR ranges, IPv4 and IPv6, with spaces around the commas', () => {
    expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.1 , 10.1.0.0/16,fd00::/8, ::1 ' }).trustedProxies).toEqual(['10.0.0.1', '10.1.0.0/16', 'fd00::/8', '::1']);
  });

  it('never repeats the secret it was given', () => {
    const message = problemWith({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'hunter2-secret', MicrosoftAppType: 'SingleTenant' });
    expect(message).not.toContain('hunter2-secret');
  });
});

describe('start-up warning for an anonymous bot facing a network', () => {
  it('is logged when there is no app id and HOST is set to a non-loopback address', async () => {
    const t = await startTestDatabase();
    const lines: string[] = [];
    try {
      const config = loadConfig({ MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, PORT: '0', HOST: '0.0.0.0' });
      const app = await startFrontDoor(config, (line) => lines.push(line));
      await app.stop();
    } finally {
      await t.stop();
    }
    const warnings = lines.filter((line) => /^Warning:/.test(line));
    // Most serious first; the others (privacy contact, PUBLIC_BASE_URL, encryption) are tested in startupWarnings.test.ts.
    expect(warnings[0]).toMatch(/no MicrosoftAppId is set/);
    expect(warnings[0]).toMatch(/HOST=0\.0\.0\.0/);
    expect(warnings[0]).toMatch(/serviceUrl/);
    expect(lines.some((line) => /^Front Door listening at http:\/\/0\.0\.0\.0:\d+$/.test(line))).toBe(true);
  });

  it('is not logged on the default loopback host, or on an explicit loopback one', async () => {
    const t = await startTestDatabase();
    const lines: string[] = [];
    try {
      for (const HOST of ['', '127.0.0.1', 'localhost']) {
        const config = loadConfig({ MONGODB_URI: t.uri, MONGODB_DATABASE: t.db.databaseName, PORT: '0', HOST });
        const app = await startFrontDoor(config, (line) => lines.push(line));
        await app.stop();
      }
    } finally {
      await t.stop();
    }
    expect(lines.filter((line) => line.startsWith('Front Door listening at'))).toHaveLength(3);
    expect(lines.filter((line) => /^Warning:/.test(line))).toEqual([]);
  });

  it('treats every loopback spelling as loopback, and nothing else', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.0.0.2', '::1', '[::1]', '::ffff:127.0.0.1']) expect(isLoopbackHost(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'example.org', '127.0.0.1.example.org', 'localhost.example.org']) {
      expect(isLoopbackHost(host)).toBe(false);
    }
  });
});
