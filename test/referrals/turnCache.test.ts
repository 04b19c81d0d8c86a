import { TurnCache } from '../../src/referrals/turnCache';

describe('TurnCache', () => {
  it('reads once during a turn, never outside one, and forgets when the last open turn of the person ends', async () => {
    const cache = new TurnCache<string>();
    let loads = 0;
    const load = async () => `v${++loads}`;

    expect(await cache.read('p', load)).toBe('v1');
    expect(await cache.read('p', load)).toBe('v2');

    let releaseFirst!: () => void;
    const first = cache.during('p', async () => {
      const a = await cache.read('p', load);
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      return a;
    });
    // A second turn of the same person overlaps the first: it shares the entry.
    const second = await cache.during('p', async () => cache.read('p', load));
    expect(second).toBe('v3');
    // Another person is not cached by this person's turn.
    expect(await cache.read('q', load)).toBe('v4');
    releaseFirst();
    expect(await first).toBe('v3');
    expect(await cache.read('p', load)).toBe('v5');
  });

  it('a write inside the turn replaces or drops the entry; a failed read is not kept', async () => {
    const cache = new TurnCache<string>();
    await cache.during('p', async () => {
      await expect(cache.read('p', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(await cache.read('p', async () => 'fresh')).toBe('fresh');
      cache.remember('p', 'written');
      expect(await cache.read('p', async () => 'unused')).toBe('written');
      cache.forget('p');
      expect(await cache.read('p', async () => 'reread')).toBe('reread');
    });
  });
});
