import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * One server per data directory: a second one would interleave journal writes.
 * A lock left by a killed process (its pid is gone) is taken over.
 */
/** Data directories held by servers in this process (the pid check cannot tell those apart). */
const heldHere = new Set<string>();

export class DbPathLock {
  private constructor(private readonly file: string) {}

  static acquire(dbPath: string): DbPathLock {
    mkdirSync(dbPath, { recursive: true });
    const file = path.resolve(dbPath, 'server.lock');
    if (heldHere.has(file)) {
      throw new Error(`The data directory ${dbPath} is in use by another embedded MongoDB server in this process. Stop it, or use another --dbpath.`);
    }
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
    } catch {
      const holder = Number(readFileSync(file, 'utf8'));
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new Error(`The data directory ${dbPath} is in use by another embedded MongoDB server (pid ${holder}). Stop it, or use another --dbpath.`);
      }
      writeFileSync(file, String(process.pid));
    }
    heldHere.add(file);
    return new DbPathLock(file);
  }

  release(): void {
    heldHere.delete(this.file);
    rmSync(this.file, { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
