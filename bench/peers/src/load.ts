import { randomBytes } from "node:crypto";
import autocannon from "autocannon";

export type LoadKind = "identical" | "distinct";

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  p50: number;
  p99: number;
}

/** A fresh alias per request, so no two documents are the same and no response cache can hit. */
export const randomAlias = () => `p${randomBytes(6).toString("hex")}`;

const body = (query: string) => JSON.stringify({ query });
/** Cheap enough to run on every response at thousands per second; the answers were compared in full before. */
const looksAnswered = (text: string) => text.startsWith('{"data":{"') && !text.includes('"errors"');

/**
 * One bounded load: `connections` keep-alive connections for `seconds`, or until `maxRequests` have been
 * sent. `identical` repeats one document; `distinct` sends every request under a new alias.
 */
export async function runLoad(options: { url: string; query: (alias: string) => string; kind: LoadKind; connections: number; seconds: number; maxRequests: number }): Promise<LoadResult> {
  const fixed = body(options.query("page"));
  const result = await autocannon({
    url: options.url,
    method: "POST",
    headers: { "content-type": "application/json" },
    connections: options.connections,
    duration: options.seconds,
    maxOverallRequests: options.maxRequests,
    body: fixed,
    ...(options.kind === "distinct" ? { requests: [{ setupRequest: (request) => ({ ...request, body: body(options.query(randomAlias())) }) }] } : {}),
    verifyBody: (text) => looksAnswered(String(text)),
  });
  const latency = result.latency as typeof result.latency & { p50: number; p99: number };
  return {
    ok: result["2xx"] - result.mismatches,
    failed: result.non2xx + result.errors + result.timeouts + result.mismatches,
    seconds: result.duration,
    p50: latency.p50,
    p99: latency.p99,
  };
}
