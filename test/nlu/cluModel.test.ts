import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildCluModel, MODEL_PATH, serialiseModel, type CluProject } from '../../scripts/build-clu-model';
import { checkCluModel, normaliseUtterance } from '../../scripts/check-clu-model';
import { CATEGORIES, isCategory } from '../../src/directory/categories';
import { COMMAND_INTENTS, CRISIS_INTENT, mergeRecognition, NONE_INTENT } from '../../src/nlu/clu/mapping';

/** The committed CLU project (cognitiveModels/front-door.json) and the script that checks it. */
const committedText = readFileSync(MODEL_PATH, 'utf8');
const committed = JSON.parse(committedText) as CluProject;
const copy = (): CluProject => JSON.parse(committedText) as CluProject;
const root = path.join(__dirname, '..', '..');

describe('the committed CLU project', () => {
  it('passes the check', () => {
    expect(checkCluModel(committed)).toEqual([]);
  });

  it('is what the build script makes from the utterances (no hand edits, no drift)', () => {
    expect(committedText).toBe(serialiseModel(buildCluModel()));
  });

  it('has the category intents, the commands, crisis and None, with English and Welsh for each', () => {
    const intents = committed.assets.intents.map((i) => i.category);
    expect(intents.filter(isCategory).sort()).toEqual([...CATEGORIES].sort());
    expect(intents).toEqual(expect.arrayContaining([...Object.keys(COMMAND_INTENTS), CRISIS_INTENT, NONE_INTENT]));
    for (const intent of intents) {
      for (const language of ['en-gb', 'cy']) {
        const count = committed.assets.utterances.filter((u) => u.intent === intent && u.language === language).length;
        expect({ intent, language, enough: count >= 10 }).toEqual({ intent, language, enough: true });
      }
    }
  });

  it('every intent means something to the recogniser: a category, a command, crisis, or nothing (None)', () => {
    const offline = { categories: [], crisis: false, source: 'offline' };
    for (const { category: intent } of committed.assets.intents) {
      const result = mergeRecognition({ topIntent: intent, intents: [{ category: intent, confidence: 0.95 }] }, offline);
      const meaning = isCategory(intent)
        ? result.categories.map((c) => c.category)[0]
        : intent.startsWith('command_')
          ? `command_${result.command?.name}`
          : intent === CRISIS_INTENT
            ? result.crisis && 'crisis'
            : result.categories.length === 0 && !result.command && !result.crisis && 'None';
      expect(meaning).toBe(intent);
    }
  });

  it('keeps the evaluation sets held out: no training utterance is an evaluation text', () => {
    const evaluation = [
      ...(JSON.parse(readFileSync(path.join(root, 'test/fixtures/nlu/categories.json'), 'utf8')) as { text: string }[]),
      ...(JSON.parse(readFileSync(path.join(root, 'test/fixtures/crisis/messages.json'), 'utf8')) as { text: string }[]),
    ].map((e) => normaliseUtterance(e.text));
    const held = new Set(evaluation);
    expect(committed.assets.utterances.filter((u) => held.has(normaliseUtterance(u.text))).map((u) => u.text)).toEqual([]);
  });
});

describe('checkCluModel on broken projects', () => {
  const problemsAfter = (breakIt: (model: CluProject) => void) => {
    const model = copy();
    breakIt(model);
    return checkCluModel(model);
  };

  it('a missing category intent', () => {
    const problems = problemsAfter((m) => {
      m.assets.intents = m.assets.intents.filter((i) => i.category !== 'walking');
      m.assets.utterances = m.assets.utterances.filter((u) => u.intent !== 'walking');
    });
    expect(problems).toEqual(['category intent "walking" is missing']);
  });

  it('an intent outside the vocabulary', () => {
    const problems = problemsAfter((m) => {
      m.assets.intents.push({ category: 'knitting' });
    });
    expect(problems).toContain('intent "knitting" is not a category in src/directory/categories.ts (nor a command, crisis or None)');
    expect(problems).toContain('intent "knitting" has 0 training utterances in "en-gb"; needs at least 8');
  });

  it('an utterance naming an intent that does not exist', () => {
    const problems = problemsAfter((m) => {
      m.assets.utterances[0].intent = 'lonelyness';
    });
    expect(problems.some((p) => /^utterance 0 \(".*"\): intent "lonelyness" is not defined$/.test(p))).toBe(true);
  });

  it('the same utterance twice (differing only in case and spacing), even under another intent', () => {
    const problems = problemsAfter((m) => {
      const first = m.assets.utterances[0];
      m.assets.utterances.push({ ...first, text: `  ${first.text.toUpperCase()} `, intent: 'befriending' });
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/duplicate of utterance 0 \(labelled "loneliness" there, "befriending" here\)$/);
  });

  it('an intent with no Welsh utterances, and the crisis intent removed', () => {
    const problems = problemsAfter((m) => {
      m.assets.utterances = m.assets.utterances.filter((u) => !(u.intent === 'food' && u.language === 'cy'));
      m.assets.intents = m.assets.intents.filter((i) => i.category !== 'crisis');
      m.assets.utterances = m.assets.utterances.filter((u) => u.intent !== 'crisis');
    });
    expect(problems).toEqual(['intent "crisis" is missing', 'intent "food" has 0 training utterances in "cy"; needs at least 8']);
  });

  it('not the import format', () => {
    expect(problemsAfter((m) => Object.assign(m.metadata, { projectKind: 'Orchestration' }))).toEqual([
      'format: metadata.projectKind: Invalid input: expected "Conversation"',
    ]);
    const noVersion = problemsAfter((m) => {
      delete (m as Partial<CluProject>).projectFileVersion;
    });
    expect(noVersion).toHaveLength(1);
    expect(noVersion[0]).toMatch(/^format: projectFileVersion: /);
    expect(checkCluModel([])).toEqual([expect.stringMatching(/^format: \(top level\): /)]);
    expect(problemsAfter((m) => (m.metadata.multilingual = false))).toEqual(['metadata.multilingual must be true (the project has English and Welsh utterances)']);
    expect(problemsAfter((m) => (m.assets.utterances[3].language = 'fr'))).toEqual([expect.stringMatching(/^utterance 3 .*: language "fr" is not one of en-gb, cy$/)]);
  });
});

describe('scripts/check-clu-model.ts', () => {
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'clu-model-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on the committed project and 1 with clear messages on a broken one', async () => {
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const ok = await run(tsx, ['scripts/check-clu-model.ts'], { cwd: root });
    expect(ok.stdout).toMatch(/front-door\.json: OK \(37 intents, \d+ utterances/);

    const broken = copy();
    broken.assets.intents = broken.assets.intents.filter((i) => i.category !== 'housing');
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const failure = await run(tsx, ['scripts/check-clu-model.ts', file], { cwd: root }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('category intent "housing" is missing');
    expect(failure?.stderr).toMatch(/intent "housing" is not defined/);
  }, 30_000);
});
