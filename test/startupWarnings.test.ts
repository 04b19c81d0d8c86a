/** Start-up warnings: what an operator must fix before launch, silent for a laptop demo. */
import { loadConfig } from '../src/config';
import { startupWarnings } from '../src/startupWarnings';

const KEY = Buffer.alloc(32, 7).toString('base64');
const filledIn = () => 'frontdoor@example.org, 01234 567890, 1 High Street, Anytown';

describe('start-up warnings', () => {
  it('says nothing for the quick start on this machine, even with the shipped placeholder contact details', () => {
    expect(startupWarnings(loadConfig({}))).toEqual([]);
    expect(startupWarnings(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3978' }))).toEqual([]);
  });

  it('names the placeholder contact details in the shipped privacy page once Front Door serves people', () => {
    const warnings = startupWarnings(loadConfig({ PUBLIC_BASE_URL: 'https://frontdoor.example.org', FIELD_ENCRYPTION_KEY: KEY }));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/privacy page has no contact details/);
    expect(warnings[0]).toContain('locales/en/privacy.json, locales/cy/privacy.json: contact.details');
  });

  it('names only the language still left with a placeholder', () => {
    const config = loadConfig({ PUBLIC_BASE_URL: 'https://frontdoor.example.org', FIELD_ENCRYPTION_KEY: KEY });
    const warnings = startupWarnings(config, (lang) => (lang === 'cy' ? '[Gweithredwr: ychwanegwch ...]' : filledIn()));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('(locales/cy/privacy.json: contact.details)');
    expect(startupWarnings(config, filledIn)).toEqual([]);
  });

  it('warns that plain http carries what people write unencrypted, unless it is this machine', () => {
    const warnings = startupWarnings(loadConfig({ PUBLIC_BASE_URL: 'http://frontdoor.example.org/', FIELD_ENCRYPTION_KEY: KEY }), filledIn);
    expect(warnings).toEqual([expect.stringMatching(/^PUBLIC_BASE_URL is http:\/\/frontdoor\.example\.org, plain http: .*https/)]);
    expect(startupWarnings(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3978' }), filledIn)).toEqual([]);
  });

  it('warns that the privacy link points at localhost when HOST faces a network and PUBLIC_BASE_URL is unset', () => {
    const warnings = startupWarnings(
      loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', FIELD_ENCRYPTION_KEY: KEY, PORT: '8080' }),
      filledIn,
    );
    expect(warnings).toEqual([expect.stringContaining('privacy link points at http://localhost:8080/privacy')]);
  });

  it('warns that answers are stored unencrypted when Front Door serves people without FIELD_ENCRYPTION_KEY', () => {
    const warnings = startupWarnings(loadConfig({ PUBLIC_BASE_URL: 'https://frontdoor.example.org' }), filledIn);
    expect(warnings).toEqual([expect.stringMatching(/^FIELD_ENCRYPTION_KEY is not set, so what people write is stored unencrypted/)]);
  });

  it('puts the anonymous bot facing a network first, and lists every problem of a careless deployment', () => {
    const warnings = startupWarnings(loadConfig({ HOST: '0.0.0.0', PUBLIC_BASE_URL: 'http://frontdoor.example.org' }));
    expect(warnings.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual([
      'no MicrosoftAppId',
      'PUBLIC_BASE_URL is',
      'the privacy',
      'FIELD_ENCRYPTION_KEY is',
    ]);
  });
});
