/** The machine a benchmark ran on: CPU model and cores (/proc/cpuinfo), Node version, date. */
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  /** 1/5/15-minute load averages when the run started and ended (other work on the box skews figures). */
  load: { start: number[]; end?: number[] };
}

export function cpuModel(): string {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const line = /^model name\s*:\s*(.+)$/m.exec(info);
    if (line?.[1]) return line[1].trim();
  } catch {
    // not Linux: fall back to what Node says
  }
  return cpus()[0]?.model ?? "unknown";
}

export function coreCount(): number {
  try {
    const info = readFileSync("/proc/cpuinfo", "utf8");
    const n = info.match(/^processor\s*:/gm)?.length ?? 0;
    if (n > 0) return n;
  } catch {
    // fall through
  }
  return cpus().length;
}

export function machine(now = new Date()): Machine {
  return {
    date: now.toISOString(),
    node: process.version,
    cpu: cpuModel(),
    cores: coreCount(),
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${process.platform} ${process.arch}`,
    load: { start: loadavg() },
  };
}
