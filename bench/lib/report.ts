/** The results of a bench run, as a console table and as BENCHMARKS.md (pure rendering). */
import type { Machine } from "./machine.js";

export interface Figure {
  /** What is measured, e.g. "p99 (ms)". */
  name: string;
  /** Formatted value. */
  value: string;
  /** The goal as text ("≤ 5 ms"), or "—" for figures without one. */
  goal: string;
  /** true/false when a goal applies, null otherwise. */
  met: boolean | null;
}

export interface Section {
  id: number;
  title: string;
  /** Exactly what was run (sizes, durations, how the bot was driven). */
  method: string[];
  figures: Figure[];
  /** Extra tables (markdown lines) and remarks. */
  notes?: string[];
}

export function verdict(met: boolean | null): string {
  return met === null ? "" : met ? "met" : "MISSED";
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}

/** A plain-text table for the console. */
export function consoleTable(sections: readonly Section[]): string {
  const rows: string[][] = [["#", "figure", "value", "goal", ""]];
  for (const s of sections) {
    for (const f of s.figures) rows.push([String(s.id), f.name, f.value, f.goal, verdict(f.met)]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => pad(c, widths[i]!))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

export function markdown(
  m: Machine,
  sections: readonly Section[],
  totalSeconds: number,
  appendix?: string,
): string {
  const out: string[] = [
    "# roguard benchmarks",
    "",
    "Written by `npm run bench` (`tsx bench/run.ts`); do not edit by hand. Every figure comes from the real",
    "code (src/) against the Roblox simulator (sim/) and, for interactions, the fake Discord (test/e2e/fake-discord).",
    "",
    "| machine | |",
    "|---|---|",
    `| date | ${m.date} |`,
    `| node --version | ${m.node} |`,
    `| CPU | ${cell(m.cpu)} |`,
    `| cores | ${m.cores} |`,
    `| memory | ${m.memoryGb} GB |`,
    `| platform | ${m.platform} |`,
    `| load average (1/5/15 min) | start ${m.load.start.map((l) => l.toFixed(2)).join(" ")}${m.load.end ? `, end ${m.load.end.map((l) => l.toFixed(2)).join(" ")}` : ""} |`,
    `| bench runtime | ${totalSeconds.toFixed(0)} s |`,
    "",
    "## Summary",
    "",
    "| # | figure | value | goal | |",
    "|---|---|---|---|---|",
  ];
  for (const s of sections) {
    for (const f of s.figures) {
      out.push(`| ${s.id} | ${cell(f.name)} | ${cell(f.value)} | ${cell(f.goal)} | ${verdict(f.met)} |`);
    }
  }
  out.push(
    "",
    "A missed goal is a finding, not a bench failure. `npx tsx bench/experiments.ts` reruns benchmark 2 or 3 on a",
    "temporary patched copy of src/ (src/ untouched) or with other Node options, to measure a fix before and after;",
    "the fixes made so far, with their figures, close this file.",
  );
  for (const s of [...sections].sort((a, b) => a.id - b.id)) {
    out.push("", `## ${s.id}. ${s.title}`, "", ...s.method.map((l) => l), "");
    if (s.notes?.length) out.push(...s.notes, "");
  }
  if (appendix?.trim()) out.push("", appendix.trim(), "");
  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}
