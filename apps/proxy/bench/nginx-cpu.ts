/**
 * CPU time of server processes, read from Linux's /proc, for the nginx bench's "requests per second of
 * server CPU": a server's user + system time over a run, divided into the requests it completed. Unlike
 * wall-clock req/s this does not depend on how fast the load generator is or on what else the machine
 * runs, and it counts every thread of a process (Node's GC and libuv helpers, nginx's one worker).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

export interface CpuTime {
  user_s: number;
  system_s: number;
}

/**
 * /proc/<pid>/stat's fields that matter here: the parent pid, and the user and system time in clock ticks
 * of the process itself and of its children that have ended and been waited for.
 */
export interface ProcStat {
  ppid: number;
  utimeTicks: number;
  stimeTicks: number;
  cutimeTicks: number;
  cstimeTicks: number;
}

/** True where /proc/<pid>/stat can be read (Linux). */
export function procAvailable(): boolean {
  return existsSync(`/proc/${process.pid}/stat`);
}

/**
 * Parses one /proc/<pid>/stat line. The command name (field 2) is in parentheses and may itself hold spaces
 * and parentheses, so the fields are counted from the last ")": state (3), ppid (4), … utime (14), stime
 * (15), cutime (16), cstime (17).
 */
export function parseProcStat(line: string): ProcStat {
  const end = line.lastIndexOf(")");
  if (end < 0) throw new Error(`not a /proc/<pid>/stat line: ${line.slice(0, 80)}`);
  const fields = line.slice(end + 2).split(" ");
  const field = (n: number) => {
    const value = Number(fields[n - 3]);
    if (!Number.isInteger(value))
      throw new Error(`/proc/<pid>/stat field ${n} is not a number: ${line.slice(0, 80)}`);
    return value;
  };
  return {
    ppid: field(4),
    utimeTicks: field(14),
    stimeTicks: field(15),
    cutimeTicks: field(16),
    cstimeTicks: field(17),
  };
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second for /proc times (USER_HZ: 100 on every mainstream Linux). */
export function clockTicksPerSecond(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/**
 * The user and system CPU time used so far by these processes together, each with all its threads and its
 * ended children. Pass a parent and its live children, listed afresh at each reading: a child that ends
 * between two readings (nginx's one-off cache loader) then moves its time into the parent's, and the sum
 * stays continuous. A pid that is gone by now is left out.
 */
export function processCpu(pids: readonly number[]): CpuTime {
  const hz = clockTicksPerSecond();
  let user = 0;
  let system = 0;
  for (const pid of pids) {
    let line: string;
    try {
      line = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const stat = parseProcStat(line);
    user += stat.utimeTicks + stat.cutimeTicks;
    system += stat.stimeTicks + stat.cstimeTicks;
  }
  return { user_s: user / hz, system_s: system / hz };
}

/** The pids of the live children of `ppid` (nginx's workers under its master). */
export function childPids(ppid: number): number[] {
  const children: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (parseProcStat(readFileSync(`/proc/${name}/stat`, "utf8")).ppid === ppid)
        children.push(Number(name));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return children;
}

/** CPU used between two readings. */
export function cpuSince(before: CpuTime, after: CpuTime): CpuTime {
  return { user_s: after.user_s - before.user_s, system_s: after.system_s - before.system_s };
}
