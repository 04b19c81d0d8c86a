#!/usr/bin/env node
/**
 * The npm registry mirror here serves only the platform binaries for this machine, so after
 * `npm install` the lock file lacks other platforms' optional packages and `npm ci` refuses it.
 * This adds those missing optional entries, with os/cpu read from their names (e.g.
 * "...-darwin-arm64"), so npm ci skips them here as it would anywhere else. Run after `npm install`.
 */
const fs = require('node:fs');

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd', 'openbsd'];
const lockPath = 'package-lock.json';
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [where, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${where}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    const parts = name.split('/').pop().split('-');
    const osIndex = parts.findIndex((part) => OS.includes(part));
    if (osIndex < 0 || !parts[osIndex + 1]) {
      console.error(`Cannot tell the platform of ${name}; add it by hand.`);
      process.exitCode = 1;
      continue;
    }
    packages[key] = { version, cpu: [parts[osIndex + 1]], dev: pkg.dev, license: pkg.license, optional: true, os: [parts[osIndex]] };
    if (!pkg.dev) delete packages[key].dev;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`Added ${added} optional platform entries to ${lockPath}.`);
