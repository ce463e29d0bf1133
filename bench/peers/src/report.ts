import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { LoadKind } from "./load.js";

/** One target under one load at one connection count, summed over the rounds. */
export interface Cell {
  target: string;
  kind: LoadKind;
  connections: number;
  rounds: { ok: number; failed: number; seconds: number; p50: number; p99: number; cpuMs: number; upstreamCalls: number; loadGeneratorCpuShare: number }[];
}

export interface Summary {
  target: string;
  kind: LoadKind;
  connections: number;
  requests: number;
  failed: number;
  requestsPerSecond: number;
  cpuMsPerRequest: number;
  p50Ms: number;
  p99Ms: number;
  upstreamCallsPerRequest: number;
  /** The most of a core the load generator used in any round: near 1 it, not the target, set the pace. */
  loadGeneratorCpuShare: number;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Rates from totals over the rounds (requests ÷ seconds, CPU ÷ requests); latency percentiles as the median round's. */
export function summarise(cell: Cell): Summary {
  const ok = sum(cell.rounds.map((r) => r.ok));
  return {
    target: cell.target,
    kind: cell.kind,
    connections: cell.connections,
    requests: ok,
    failed: sum(cell.rounds.map((r) => r.failed)),
    requestsPerSecond: ok / sum(cell.rounds.map((r) => r.seconds)),
    cpuMsPerRequest: sum(cell.rounds.map((r) => r.cpuMs)) / ok,
    p50Ms: median(cell.rounds.map((r) => r.p50)),
    p99Ms: median(cell.rounds.map((r) => r.p99)),
    upstreamCallsPerRequest: sum(cell.rounds.map((r) => r.upstreamCalls)) / ok,
    loadGeneratorCpuShare: Math.max(...cell.rounds.map((r) => r.loadGeneratorCpuShare)),
  };
}

const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–");
/** autocannon records whole milliseconds: 0 means under one. */
const ms = (n: number) => (n < 1 ? "<1" : fmt(n, 0));

/** One markdown table per connection count: a row per target, identical polls beside distinct requests. */
export function markdownTables(summaries: Summary[], targets: string[], connections: number[]): string {
  const out: string[] = [];
  for (const c of connections) {
    out.push(
      `| ${c} connection${c === 1 ? "" : "s"} | CPU ms/request, identical | requests/s | p50 ms | p99 ms | upstream calls/request | CPU ms/request, distinct | requests/s | p50 ms | p99 ms | failed |`,
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const t of targets) {
      const same = summaries.find((s) => s.target === t && s.kind === "identical" && s.connections === c);
      const distinct = summaries.find((s) => s.target === t && s.kind === "distinct" && s.connections === c);
      if (!same || !distinct) continue;
      out.push(
        `| ${t} | ${fmt(same.cpuMsPerRequest, 2)} | ${fmt(same.requestsPerSecond, 0)} | ${ms(same.p50Ms)} | ${ms(same.p99Ms)} | ${fmt(same.upstreamCallsPerRequest, 2)} | ${fmt(distinct.cpuMsPerRequest, 2)} | ${fmt(distinct.requestsPerSecond, 0)} | ${ms(distinct.p50Ms)} | ${ms(distinct.p99Ms)} | ${same.failed + distinct.failed} |`,
      );
    }
    out.push("");
  }
  return out.join("\n");
}

/** Issue 9's "how we will know", as ratios of this run: numbergraph against Hive with and without its response cache. */
export function targetChecks(summaries: Summary[], connections: number[]): string {
  const find = (target: string, kind: LoadKind, c: number) => summaries.find((s) => s.target === target && s.kind === kind && s.connections === c);
  const lines = ["Issue 9's targets, from this run (numbergraph ÷ Hive):", ""];
  for (const c of connections) {
    const [ng, cached, ngDistinct, hiveDistinct] = [find("numbergraph", "identical", c), find("hive+response-cache", "identical", c), find("numbergraph", "distinct", c), find("hive", "distinct", c)];
    if (!ng || !cached || !ngDistinct || !hiveDistinct) continue;
    const verdict = (ok: boolean) => (ok ? "met" : "not met");
    const times = (ratio: number) => ratio.toPrecision(3);
    const cpu = ng.cpuMsPerRequest / cached.cpuMsPerRequest;
    const rps = ng.requestsPerSecond / cached.requestsPerSecond;
    const miss = ngDistinct.cpuMsPerRequest / hiveDistinct.cpuMsPerRequest;
    lines.push(
      `- ${c} connection${c === 1 ? "" : "s"}: identical polls, CPU per request ${times(cpu)}× Hive-with-response-cache's (target ≤ 0.5: ${verdict(cpu <= 0.5)}), requests/s ${times(rps)}× (target ≥ 2: ${verdict(rps >= 2)}); every request distinct, CPU per request ${times(miss)}× Hive-without-cache's (target ≤ 0.5: ${verdict(miss <= 0.5)}).`,
    );
  }
  const saturated = summaries.filter((s) => s.loadGeneratorCpuShare > 0.8);
  if (saturated.length > 0) {
    lines.push("", `The load generator used over 80 % of a core in: ${saturated.map((s) => `${s.target} ${s.kind} ${s.connections}c`).join(", ")}; there the requests/s are the generator's pace on this machine, a floor for the target's.`);
  }
  return lines.join("\n") + "\n";
}

const HEADER = "# Benchmark results\n\nEvery section names the command that produced it and the commit it measured. These machines are shared and noisy: compare rows of one run, not numbers across runs.\n";

/** Put `body` into bench/RESULTS.md as the section named `label`, replacing an earlier run of the same label. */
export function writeSection(resultsFile: string, label: string, body: string): void {
  const start = `<!-- peers:${label} -->`;
  const end = `<!-- /peers:${label} -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, "utf8") : HEADER;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  const next = from >= 0 && to > from ? text.slice(0, from) + section + text.slice(to + end.length) : `${text.trimEnd()}\n\n${section}\n`;
  writeFileSync(resultsFile, next);
}
