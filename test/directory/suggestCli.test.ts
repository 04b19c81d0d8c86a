import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { importServices } from '../../src/directory/import';
import { parseSuggestArgs, servicesFromFile, SuggestUsageError } from '../../src/directory/suggestCli';
import { startTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.join(__dirname, '..', '..');
const SAMPLE = path.join(ROOT, 'data', 'sample-directory', 'services.json');
const run = promisify(execFile);

interface SuggestJson {
  profile: { categories: { category: string; from: string; words?: string[] }[]; barriers: string[]; place?: { kind: string; value: string } };
  suggestions: { id: string; name: string; categories: string[]; reasons: string[] }[];
}

async function suggest(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'suggest.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
}

describe('npm run suggest', () => {
  it('prints the profile and three suggestions with reasons as JSON, using the same extraction and ranking', async () => {
    const { stdout } = await suggest(['--text', 'I feel lonely since I retired and I love gardening', '--postcode', 'KX2 4ML', '--directory', SAMPLE, '--json']);
    const output = JSON.parse(stdout) as SuggestJson;
    const categories = output.profile.categories.map((c) => c.category);
    expect(categories).toEqual(expect.arrayContaining(['loneliness', 'gardening_nature']));
    expect(output.profile.place).toEqual({ kind: 'postcodeDistrict', value: 'KX2' });
    expect(output.suggestions).toHaveLength(3);
    for (const s of output.suggestions) {
      expect(s.id).toMatch(/^file:/);
      expect(s.name.length).toBeGreaterThan(0);
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(s.categories.some((c) => categories.includes(c))).toBe(true);
    }
  }, 90_000);

  it('keeps a cost barrier: no paid service comes up', async () => {
    const { stdout } = await suggest(['--text', 'I want to get fitter but money is tight', '--barriers', 'cost', '--limit', '5', '--directory', SAMPLE, '--json']);
    const output = JSON.parse(stdout) as SuggestJson;
    const byId = new Map(servicesFromFile(SAMPLE).map((s) => [s.sourceId, s]));
    expect(output.suggestions.length).toBeGreaterThan(0);
    for (const s of output.suggestions) expect(byId.get(s.id.replace(/^file:/, ''))?.cost.free).not.toBe(false);
  }, 90_000);

  it('gives reasons in Welsh for --lang cy, and a readable list without --json', async () => {
    const { stdout } = await suggest(['--text', 'Dw i eisiau canu mewn côr', '--lang', 'cy', '--directory', SAMPLE]);
    expect(stdout).toMatch(/^1\. /m);
    expect(stdout).toMatch(/music_singing/);
    expect(stdout).not.toMatch(/You said|You mentioned/);
  }, 90_000);

  it('ranks the services in the database when one is given', async () => {
    const db: TestDatabase = await startTestDatabase();
    try {
      const report = await importServices(db.db, servicesPayload(), { source: 'kestleford' });
      expect(report.ok).toBe(true);
      const { stdout } = await suggest(['--text', 'I would like to sing', '--json'], { MONGODB_URI: `${db.uri.replace(/\/[^/]*$/, '')}/${db.db.databaseName}` });
      const output = JSON.parse(stdout) as SuggestJson;
      expect(output.suggestions[0].id).toMatch(/^kestleford:/);
    } finally {
      await db.stop();
    }
  }, 90_000);

  it('explains bad arguments and exits 2', async () => {
    await expect(suggest(['--postcode', 'KX1'])).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--text or --interests is required/) });
    await expect(suggest(['--text', 'hi', '--postcode', 'not a place 123'])).rejects.toMatchObject({ code: 2 });
    expect(() => parseSuggestArgs(['--text', 'x', '--barriers', 'money'])).toThrow(SuggestUsageError);
    expect(() => parseSuggestArgs(['--text', 'x', '--limit', '0'])).toThrow(/whole number/);
    expect(() => parseSuggestArgs(['--text', 'x', '--lang', 'fr'])).toThrow(/en or cy/);
  }, 90_000);
});

function servicesPayload(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(SAMPLE) as unknown;
}
