/**
 * CPU time of processes and of the whole machine, read from /proc (Linux only), so the benchmark can say
 * which process used the cores while it ran — and whether something else on the machine did.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Kernel clock ticks per second (the unit of /proc/<pid>/stat times); 100 on practically every Linux. */
export const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcStat {
  pid: number;
  ppid: number;
  /** utime + stime + cutime + cstime: its own CPU time and that of its children it has reaped. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null; // it exited meanwhile
  }
  // The command name (field 2) may contain spaces and parentheses: the fields we need follow the last ")".
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const at = (i: number) => Number(fields[i] ?? 0);
  return { pid, ppid: at(1), ticks: at(11) + at(12) + at(13) + at(14) };
}

function allProcesses(): ProcStat[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readStat(Number(name)))
    .filter((stat): stat is ProcStat => stat !== null);
}

/**
 * CPU ticks used so far by a process and all its descendants (e.g. Postgres' postmaster and its backends).
 * A descendant that exited is counted through its parent's cutime/cstime, so the figure only grows.
 */
export function processTreeTicks(rootPid: number): number {
  const processes = allProcesses();
  const children = new Map<number, ProcStat[]>();
  for (const stat of processes) {
    const siblings = children.get(stat.ppid);
    if (siblings) siblings.push(stat);
    else children.set(stat.ppid, [stat]);
  }
  const root = processes.find((stat) => stat.pid === rootPid);
  if (!root) return 0;
  let total = 0;
  const stack = [root];
  for (let stat = stack.pop(); stat; stat = stack.pop()) {
    total += stat.ticks;
    stack.push(...(children.get(stat.pid) ?? []));
  }
  return total;
}

/** Busy and total ticks of all cores since boot (first line of /proc/stat; idle and iowait are not busy). */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const values = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: total - idle, total };
}

/** CPU % (100 = one core) a process tree used between two readings `seconds` apart. */
export function cpuPercent(ticksBefore: number, ticksAfter: number, seconds: number): number {
  return seconds > 0 ? ((ticksAfter - ticksBefore) / TICKS_PER_SECOND / seconds) * 100 : 0;
}
