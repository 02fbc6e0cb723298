import fs from 'node:fs';
import os from 'node:os';

/** Enough about a process to tell later, from another process, whether it still runs. */
export interface ProcessIdentity {
  pid: number;
  /** When it started, in clock ticks after boot (Linux, /proc/PID/stat): a reused pid has another. */
  startTime?: string;
  hostname: string;
  /** Linux boot id: pids and start times only compare within one boot. */
  bootId?: string;
  /** Linux pid namespace: a container numbers its processes apart from its host and other containers. */
  pidNamespace?: string;
}

function readOrUndefined(read: () => string): string | undefined {
  try {
    return read().trim();
  } catch {
    return undefined;
  }
}

/**
 * A process's state letter and start time from /proc/PID/stat; undefined when no such process
 * runs, null when this system has no /proc (then only its pid can be checked).
 */
function procStat(pid: number): { state: string; startTime: string } | undefined | null {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return null;
    return fs.existsSync('/proc/self/stat') ? undefined : null;
  }
  // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0], startTime: fields[19] };
}

const machine = {
  hostname: os.hostname(),
  bootId: readOrUndefined(() => fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
  pidNamespace: readOrUndefined(() => fs.readlinkSync('/proc/self/ns/pid')),
};

/**
 * This process, as another process can later recognise it.
 * @example const me = currentProcess(); // { pid: 4242, startTime: '8811203', hostname: 'web-1', … }
 */
export function currentProcess(): ProcessIdentity {
  return { pid: process.pid, startTime: procStat(process.pid)?.startTime, ...machine };
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a process still runs: 'alive' or 'dead' when it ran on this machine and in this pid
 * namespace (a pid now taken by another process, or by a zombie, counts as dead); 'unknown'
 * when it ran on another host or in another container, whose processes this one cannot see.
 * @example if (liveness(holder) === 'dead') takeOver();
 */
export function liveness(p: ProcessIdentity): 'alive' | 'dead' | 'unknown' {
  if (p.hostname !== machine.hostname || p.pidNamespace !== machine.pidNamespace) return 'unknown';
  // Same host and namespace, but the machine has restarted since: nothing of that boot runs.
  if (p.bootId !== machine.bootId) return 'dead';
  const stat = procStat(p.pid);
  if (stat === null) return pidExists(p.pid) ? 'alive' : 'dead';
  if (!stat || stat.state === 'Z' || stat.state === 'X') return 'dead';
  return p.startTime === undefined || stat.startTime === p.startTime ? 'alive' : 'dead';
}
