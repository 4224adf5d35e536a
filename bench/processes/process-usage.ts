import { readFileSync } from 'node:fs';

/*
 * Memory and CPU of a server the bench started, read from /proc (Linux only; elsewhere every
 * reading is null and the report says n/a).
 */

/** USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on every mainstream Linux. */
const ClockTicksPerSecond = 100;

/** Resident set size of `pid` in bytes (VmRSS of /proc/<pid>/status); null when it cannot be read. */
export function readRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/** CPU time `pid` has used so far (user + system), ms, at 10 ms resolution; null when it cannot be read. */
export function readCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Fields after the command name, which is in parentheses and may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
    return ((utime + stime) * 1000) / ClockTicksPerSecond;
  } catch {
    return null;
  }
}
