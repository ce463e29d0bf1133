import { fork, type ChildProcess } from "node:child_process";
import { request as httpRequest, Agent } from "node:http";
import { fileURLToPath } from "node:url";

/**
 * The benchmark's HTTP client, in a process of its own: the process under test then spends CPU
 * only on serving, so `process.cpuUsage()` around a command is the server's cost alone.
 *
 * Commands (sent by `BenchClient`): `repeat` posts one body `n` times in sequence and reports the
 * wall-time percentiles; `each` posts each of several bodies once (a new alias or cursor in each,
 * so no response cache can hit); `walk` pages a connection with `after` cursors to the end.
 */
type Command = { kind: "repeat"; url: string; body: string; n: number } | { kind: "each"; url: string; bodies: string[] } | { kind: "walk"; url: string; query: string; first: number; field: string };

export interface RepeatResult {
  p50Ms: number;
  p99Ms: number;
}

export interface WalkResult {
  pages: number;
  nodes: number;
  ms: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function post(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        if (res.statusCode !== 200 || text.includes('"errors"')) reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
        else resolve(text);
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Post each body in turn, one at a time: the latencies' p50 and p99. */
async function timed(url: string, bodies: readonly string[]): Promise<RepeatResult> {
  const times: number[] = [];
  for (const body of bodies) {
    const started = performance.now();
    await post(url, body);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: times[Math.floor(times.length / 2)]!, p99Ms: times[Math.floor(times.length * 0.99)]! };
}

async function run(command: Command): Promise<RepeatResult | WalkResult> {
  if (command.kind === "repeat")
    return timed(
      command.url,
      Array.from({ length: command.n }, () => command.body),
    );
  if (command.kind === "each") return timed(command.url, command.bodies);
  const started = performance.now();
  let after: string | null = null;
  let pages = 0;
  let nodes = 0;
  do {
    const text = await post(command.url, JSON.stringify({ query: command.query, variables: { first: command.first, after } }));
    const connection = (JSON.parse(text) as { data: Record<string, { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }> }).data[command.field]!;
    pages++;
    nodes += connection.nodes.length;
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after);
  return { pages, nodes, ms: performance.now() - started };
}

/** The parent's handle on the client process. */
export class BenchClient {
  private constructor(private readonly child: ChildProcess) {}

  static start(): BenchClient {
    return new BenchClient(fork(fileURLToPath(import.meta.url), ["--client"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] }));
  }

  send(command: Extract<Command, { kind: "repeat" | "each" }>): Promise<RepeatResult>;
  send(command: Extract<Command, { kind: "walk" }>): Promise<WalkResult>;
  send(command: Command): Promise<RepeatResult | WalkResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the bench client exited (${code})`));
      this.child.once("exit", onExit);
      this.child.once("message", (message: { ok: true; result: RepeatResult | WalkResult } | { ok: false; error: string }) => {
        this.child.off("exit", onExit);
        if (message.ok) resolve(message.result);
        else reject(new Error(message.error));
      });
      this.child.send(command);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

if (process.argv.includes("--client")) {
  process.on("message", (command: Command) => {
    run(command).then(
      (result) => process.send!({ ok: true, result }),
      (error: Error) => process.send!({ ok: false, error: error.message }),
    );
  });
}
