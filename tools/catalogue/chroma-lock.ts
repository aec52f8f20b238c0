// One embedded Chroma per data directory. <dir>/.server.json names the server running on it (child
// pid, port) and the process that owns it. Another start on the directory reuses that server while
// its owner lives; a server whose owner is gone (an orphan left by a SIGKILLed parent) is stopped
// first. Identities are checked in /proc (Linux), so a reused pid is never mistaken for a server or an
// owner and nothing else is ever killed; without /proc every record reads as stale (start our own).
import { linkSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromaAlive } from './chroma-net.ts';

export type ServerRecord = { pid: number; port: number; owner: number; ownerStart: string; path: string };

const FILE = '.server.json';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Parent and start time of a live process; undefined when there is none (or only its zombie is left). */
export function processStat(pid: number): { ppid: number; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // the name may hold spaces
    // A dying process's main thread turns zombie before its other threads let go of its files and ports.
    if ((fields[0] === 'Z' || fields[0] === 'X') && readdirSync(`/proc/${pid}/task`).length <= 1) return undefined;
    return { ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return undefined;
  }
}

/** True when pid is a Chroma server (our boot script or chromadb's CLI) running on this directory. */
export function isChromaOn(pid: number, path: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const chroma = args.some((a) => a.endsWith('chroma-boot.mjs') || /chromadb[\\/]dist[\\/]cli\.mjs$/.test(a));
    return chroma && args.includes('run') && args[args.indexOf('--path') + 1] === path;
  } catch {
    return false;
  }
}

/** Every Chroma server process on this directory (what "one server per directory" is about). */
export function chromaProcessesOn(path: string): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => processStat(pid) && isChromaOn(pid, path));
}

export function ownRecord(path: string, pid: number, port: number): ServerRecord {
  return { pid, port, owner: process.pid, ownerStart: processStat(process.pid)?.start ?? '', path };
}

function read(path: string): ServerRecord | undefined {
  try {
    return JSON.parse(readFileSync(join(path, FILE), 'utf8')) as ServerRecord;
  } catch {
    return undefined; // none, or half-written by an older version: stale either way
  }
}

function remove(path: string): void {
  try { unlinkSync(join(path, FILE)); } catch { /* already gone */ }
}

function tempFile(path: string, record: ServerRecord): string {
  const temp = join(path, `${FILE}.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify(record));
  return temp;
}

/** Atomic update of our own record (readers never see half a file). */
export function writeRecord(path: string, record: ServerRecord): void {
  renameSync(tempFile(path, record), join(path, FILE));
}

/** Takes the directory for us; false when another start took it first (hard link: fails if it exists). */
export function claim(path: string, record: ServerRecord): boolean {
  const temp = tempFile(path, record);
  try {
    linkSync(temp, join(path, FILE));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** Drops the record on a clean stop, unless it already names someone else. */
export function release(path: string): void {
  const record = read(path);
  if (record?.owner === process.pid) remove(path);
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process is gone. */
export async function stopProcess(pid: number): Promise<void> {
  for (const [signal, waitMs] of [['SIGTERM', 3000], ['SIGKILL', 5000]] as const) {
    try { process.kill(pid, signal); } catch { return; }
    for (const until = Date.now() + waitMs; Date.now() < until; await sleep(50)) if (!processStat(pid)) return;
  }
}

/**
 * The server already running on this directory once it answers, or undefined when we should start
 * one: no record, a stale one (cleared), or an orphan (stopped and cleared). Throws when a live owner
 * holds the directory but its server does not answer within `timeoutMs` (never two servers on it).
 */
export async function findRunning(path: string, log: (line: string) => void, timeoutMs: number): Promise<{ url: string; pid: number } | undefined> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(200)) {
    const record = read(path);
    if (!record) return undefined;
    const server = record.pid > 0 && isChromaOn(record.pid, path) ? processStat(record.pid) : undefined;
    if (server && server.ppid !== record.owner) {
      // Its owner died (a child of a live owner stays its child): an orphan nobody will stop.
      log(`vector index: stopping an orphaned Chroma on ${path} (pid ${record.pid}; its owner ${record.owner} is gone)`);
      await stopProcess(record.pid);
      remove(path);
      return undefined;
    }
    if (!server && processStat(record.owner)?.start !== record.ownerStart) {
      remove(path); // server and owner both gone
      return undefined;
    }
    // A live owner: its server is up, starting, or being restarted by its supervisor.
    const url = `http://127.0.0.1:${record.port}`;
    if (server && (await chromaAlive(url, 1000))) return { url, pid: record.pid };
    if (Date.now() > deadline) throw new Error(`Chroma data in ${path} is held by process ${record.owner}, whose server does not answer`);
  }
}
