#!/usr/bin/env node
/**
 * Fetches the Bot Framework Web Chat browser bundle that the web chat page (GET /) serves from
 * /static/webchat.js. It is not committed: `npm ci` runs this (package.json "postinstall"), and
 * so does .ci/run.
 *
 * What it does: `npm pack botframework-webchat@<VERSION>` into a temporary folder (the npm
 * registry the project already uses, no other source), extracts only `package/dist/webchat.js`,
 * checks its SHA-256 against the value pinned below, and writes `vendor/webchat/webchat.js`.
 * It does nothing when that file is already there with the right checksum.
 *
 * Why the full bundle and not `webchat-minimal.js` (half the size): the minimal bundle leaves out
 * Adaptive Cards, and the read-back summary is an Adaptive Card on the web.
 *
 * To move to another version: change VERSION, run `node scripts/fetch-webchat.js --print-checksum`,
 * review the new bundle, then pin the checksum it prints.
 */
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const PACKAGE = 'botframework-webchat';
const VERSION = '4.18.1';
const ENTRY = 'package/dist/webchat.js';
const SHA256 = '0a68ad0a64fc04d621197da10c3eec0f843e16f7d03f6bcbed29b47517cf9bff';

const root = path.resolve(__dirname, '..');
const target = path.join(root, 'vendor', 'webchat', 'webchat.js');

const sha256 = (buffer) => crypto.createHash('sha256').update(buffer).digest('hex');

class FetchError extends Error {}

function fail(message) {
  throw new FetchError(message);
}

function main() {
  const printOnly = process.argv.includes('--print-checksum');
  if (!printOnly && fs.existsSync(target) && sha256(fs.readFileSync(target)) === SHA256) {
    console.log(`fetch-webchat: ${path.relative(root, target)} (${PACKAGE}@${VERSION}) is present and verified.`);
    return;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'frontdoor-webchat-'));
  try {
    let tarball;
    try {
      // npm itself (npm_execpath when run by npm, else `npm` on PATH), so .npmrc and registry settings apply.
      const npmCli = process.env.npm_execpath;
      const [command, args] = npmCli && /\.c?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
      const out = execFileSync(command, [...args, 'pack', `${PACKAGE}@${VERSION}`, '--pack-destination', work], {
        cwd: work,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        shell: process.platform === 'win32',
      });
      tarball = path.join(work, out.trim().split('\n').pop().trim());
    } catch (error) {
      fail(`"npm pack ${PACKAGE}@${VERSION}" failed: ${String(error.stderr || error.message).trim()}`);
    }
    if (!fs.existsSync(tarball)) fail(`"npm pack" did not produce ${tarball}.`);

    try {
      execFileSync('tar', ['-xzf', tarball, '-C', work, ENTRY], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      fail(`could not extract ${ENTRY} from ${path.basename(tarball)}: ${String(error.stderr || error.message).trim()}`);
    }
    const bundle = fs.readFileSync(path.join(work, ENTRY));
    const actual = sha256(bundle);
    if (printOnly) {
      console.log(actual);
      return;
    }
    if (actual !== SHA256) {
      fail(`${ENTRY} of ${PACKAGE}@${VERSION} has SHA-256 ${actual}, expected ${SHA256}. Not installing it.`);
    }
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(partial, bundle);
    fs.renameSync(partial, target);
    console.log(`fetch-webchat: wrote ${path.relative(root, target)} (${PACKAGE}@${VERSION}, ${bundle.length} bytes, SHA-256 verified).`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (error) {
  console.error(`fetch-webchat: ${error instanceof FetchError ? error.message : error.stack || error}`);
  console.error(
    `fetch-webchat: the web chat page (GET /) needs ${path.relative(root, target)}. ` +
      `Check that the npm registry is reachable, then run: node scripts/fetch-webchat.js`,
  );
  process.exit(1);
}
