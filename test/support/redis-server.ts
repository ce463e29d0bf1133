import { spawn, type ChildProcess } from "node:child_process";
import { createConnection, createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** A real redis-server on a free loopback port, kept in memory only; stop, kill and start it again on the same port. */
export interface RedisServer {
  port: number;
  url: string;
  /** Start (again) on the same port and wait until it answers PING. */
  start(): Promise<void>;
  /** SIGKILL, as a crash or a lost host: no goodbye to clients. Resolves once the process is gone. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      const spawned = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...extraArgs], { stdio: ["ignore", "ignore", "pipe"] });
      child = spawned;
      let failure: Error | undefined;
      spawned.on("error", (error) => (failure = new Error(`redis-server did not start (${error.message}); install it (Debian: apt-get install -y redis-server)`)));
      spawned.on("exit", (code) => (failure ??= new Error(`redis-server exited with ${String(code)} before answering PING`)));
      while (!(await answersPing(port))) {
        if (failure) throw failure;
        await sleep(20);
      }
      spawned.removeAllListeners("exit");
    },
    async kill() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const gone = new Promise((resolve) => running.once("exit", resolve));
      running.kill("SIGKILL");
      await gone;
    },
    stop: () => server.kill(),
  };
  await server.start();
  return server;
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.setTimeout(1000, () => socket.destroy());
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply.startsWith("+PONG")));
    socket.on("error", () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
