/** The offline recogniser: commands, categories and the crisis flag together, through the Recognizer interface. */
import { OfflineRecognizer } from '../../src/nlu/offline';
import type { Recognizer } from '../../src/nlu/recognizer';
import { loadCategoryFixture } from '../../scripts/eval/categories';

const recognizer: Recognizer = new OfflineRecognizer();

describe('OfflineRecognizer', () => {
  it('finds categories with their words, and says it answered offline', async () => {
    const result = await recognizer.recognize("I'm lonely and can't afford much", 'en');
    expect(result.source).toBe('offline');
    expect(result.command).toBeUndefined();
    expect(result.crisis).toBe(false);
    expect(result.categories).toEqual([
      { category: 'loneliness', words: ['lonely'] },
      { category: 'cost_barrier', words: ["can't", 'afford'] },
    ]);
  });

  it('recognises a global command in either language, and reads no needs into it', async () => {
    expect((await recognizer.recognize('help', 'en')).command).toEqual({ name: 'help' });
    expect((await recognizer.recognize('Cymraeg', 'en')).command).toEqual({ name: 'language', target: 'cy' });
    const stop = await recognizer.recognize('stop', 'cy');
    expect(stop.command).toEqual({ name: 'stop' });
    expect(stop.categories).toEqual([]);
    // Not a command when it is part of something the person is telling us.
    const sentence = await recognizer.recognize('I want to stop feeling lonely', 'en');
    expect(sentence.command).toBeUndefined();
    expect(sentence.categories.map((c) => c.category)).toEqual(['loneliness']);
  });

  it('raises the crisis flag from the crisis detector, in English and Welsh', async () => {
    expect((await recognizer.recognize('I want to kill myself', 'en')).crisis).toBe(true);
    expect((await recognizer.recognize('Dw i eisiau marw', 'cy')).crisis).toBe(true);
    expect((await recognizer.recognize('I love killing weeds in the garden', 'en')).crisis).toBe(false);
  });

  it('reads Welsh', async () => {
    const result = await recognizer.recognize("Dw i'n unig ac mae'r bysiau'n ofnadwy", 'cy');
    expect(result.categories.map((c) => c.category)).toEqual(expect.arrayContaining(['loneliness', 'transport_barrier']));
  });

  it('takes well under a millisecond for a typical text', () => {
    const offline = new OfflineRecognizer();
    const items = loadCategoryFixture();
    for (const item of items) offline.recognizeNow(item.text, item.lang); // warm: lexicons compile on first use
    // CPU time, best of several rounds: the machine running the tests may be busy with other work,
    // which stretches wall-clock time but not the work this process does.
    let bestMs = Infinity;
    for (let r = 0; r < 5; r++) {
      const start = process.cpuUsage();
      for (const item of items) offline.recognizeNow(item.text, item.lang);
      const used = process.cpuUsage(start);
      bestMs = Math.min(bestMs, (used.user + used.system) / 1000 / items.length);
    }
    expect(bestMs).toBeLessThan(1);
  });
});
