import { spawn, type ChildProcess } from "node:child_process";

/** A node process a bench started, once it has announced itself on stdout. */
export interface BenchChild {
  readonly pid: number;
  /** Its stdout up to and including the announcement. */
  readonly announcement: string;
  /** When it was spawned, on this process's performance.now() clock. */
  readonly spawnedAt: number;
  /** Whether it has exited (or was killed). */
  exited(): boolean;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// However a bench ends, an exception included, the processes it started end with it.
process.on("exit", () => running.forEach((child) => child.kill("SIGKILL")));

/**
 * `node <args>`, resolved once its stdout satisfies `announced`; what it prints after that goes to
 * this process's stderr (a server at LOG_LEVEL=error prints only what went wrong). Its stderr is this one's.
 */
export function startChild(args: string[], env: NodeJS.ProcessEnv, announced: (stdout: string) => boolean): Promise<BenchChild> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  running.add(child);
  child.once("exit", () => running.delete(child));
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return new Promise((resolve, reject) => {
    let stdout = "";
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString("utf8");
      if (!announced(stdout)) return;
      child.stdout.off("data", onData);
      child.stdout.pipe(process.stderr);
      child.off("exit", onEarlyExit);
      resolve({ pid: child.pid!, announcement: stdout, spawnedAt, exited, stop: () => stop(child) });
    };
    const onEarlyExit = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`node ${args.join(" ")} exited (${signal ?? code}) before announcing itself; its stdout: ${stdout.slice(-2000)}`));
    child.stdout.on("data", onData);
    child.once("exit", onEarlyExit);
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await gone;
  clearTimeout(timer);
}
