/** MINIMUM_AGE: the youngest age the service is for (src/config.ts). */
import { ConfigError, loadConfig } from '../src/config';

function problemWith(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a configuration error');
}

it('is 18 unless set, and blank means unset', () => {
  expect(loadConfig({}).minimumAge).toBe(18);
  expect(loadConfig({ MINIMUM_AGE: ' ' }).minimumAge).toBe(18);
});

it('reads 16, and 0 (no age check, for services open to all ages)', () => {
  expect(loadConfig({ MINIMUM_AGE: '16' }).minimumAge).toBe(16);
  expect(loadConfig({ MINIMUM_AGE: '0' }).minimumAge).toBe(0);
});

it.each(['19', '65', '-1', '16.5', 'adults'])('refuses %j, naming the variable and what it should be', (value) => {
  const message = problemWith({ MINIMUM_AGE: value });
  expect(message).toMatch(/^Front Door's configuration is not valid:\n {2}MINIMUM_AGE: must be a whole number of years from 0 \(no age check\) to 18/);
  expect([...message.matchAll(/^ {2}(\w+):/gm)].map((m) => m[1])).toEqual(['MINIMUM_AGE']);
});
