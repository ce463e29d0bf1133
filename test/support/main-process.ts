import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("../../", import.meta.url));

/** The environment with no provider and no gateway setting, whatever the machine running the tests has. */
export const bareEnv: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(HIGHLEVEL|TELNYX|ZOOM|BUTTER|NUMBERGRAPH|OTEL)_|^(PORT|HOST|REDIS_URL|NODE_ENV|LOG_LEVEL)$/.test(k)));

export interface MainProcess {
  child: ChildProcess;
  /** The GraphQL URL it printed, with a loopback host to call. */
  url: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/**
 * Start the gateway as an operator does — `node --import tsx src/main.ts` (what `npm start` runs),
 * or any other command — and wait for the line with its URL.
 */
export function startMain(env: NodeJS.ProcessEnv, command: string[] = [process.execPath, "--import", "tsx", "src/main.ts"]): Promise<MainProcess> {
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...bareEnv, PORT: "0", ...env } });
  let output = "";
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url: url.replace("localhost", "127.0.0.1"), output: () => output, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => reject(new Error(`main exited with ${code}: ${output}`)));
  });
}

/** Run the gateway to its end (for start-ups that must fail): exit code and everything it printed. */
export function runMain(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: root, env: { ...bareEnv, PORT: "0", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

export async function postGraphQL(url: string, query: string, headers: Record<string, string> = {}, variables?: unknown): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
