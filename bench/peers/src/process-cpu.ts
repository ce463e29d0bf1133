import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Milliseconds per clock tick of /proc/<pid>/stat (CLK_TCK, 100 on Linux). */
const MS_PER_TICK = 1000 / Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

interface ProcStat {
  ppid: number;
  /** utime + stime of every thread, plus cutime + cstime of children it has reaped. */
  ticks: number;
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // exited between the listing and the read
  }
  // The command name (field 2) may hold spaces and parentheses: the rest starts after the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i]));
  return { ppid: Number(fields[1]), ticks: utime! + stime! + cutime! + cstime! };
}

/**
 * CPU time (user + system) the kernel has accounted to a process and all its live descendants, in ms —
 * each server's own accounting, so the load generator and the simulator never count towards it.
 */
export function treeCpuMs(rootPid: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return ticks * MS_PER_TICK;
}
