import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseSuggestArgs, SuggestUsageError } from '../../src/directory/suggestCli';

/** `npm run suggest` for someone who only tapped interests, and while the app holds the database. */
const ROOT = path.join(__dirname, '..', '..');
const NORTH_LINCS = path.resolve(ROOT, '../shared/data/oruk/north-lincolnshire-services.json');
const run = promisify(execFile);

async function suggest(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'suggest.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, MONGODB_URI: '', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run suggest options', () => {
  it('takes --interests alone, like someone who only tapped "Music and singing"', async () => {
    const { code, stdout } = await suggest(['--interests', 'music', '--directory', NORTH_LINCS, '--json']);
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { profile: { categories: { category: string; from: string }[] }; suggestions: { reasons: string[] }[] };
    expect(output.profile.categories).toEqual([{ category: 'music_singing', from: 'interest' }]);
    expect(output.suggestions.length).toBeGreaterThan(0);
    for (const s of output.suggestions) expect(s.reasons).toContain('You said you like music');
  }, 90_000);

  it('explains a bad interest, and that --text or --interests is needed', () => {
    expect(() => parseSuggestArgs(['--interests', 'karaoke'])).toThrow(/--interests takes arts, outdoors/);
    expect(() => parseSuggestArgs([])).toThrow(SuggestUsageError);
    expect(parseSuggestArgs(['--interests', 'music,outdoors']).interests).toEqual(['music', 'outdoors']);
  });

  it('stops with a clear message, not the fictional sample, while the app holds the database', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'suggest-held-'));
    try {
      mkdirSync(path.join(dataDir, 'db'), { recursive: true });
      // A live process (this test) holds the data directory, as `npm start` would.
      writeFileSync(path.join(dataDir, 'db', 'server.lock'), String(process.pid));
      const { code, stdout, stderr } = await suggest(['--text', 'i love singing'], { FRONTDOOR_DATA_DIR: dataDir });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/stop it first, or pass --directory FILE/);
      expect(stderr).not.toMatch(/using the sample directory/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
