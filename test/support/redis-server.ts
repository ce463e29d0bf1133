import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
      child = await spawnRedisServer(port, extraArgs);
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

/** A real three-node (by default) Redis Cluster on free loopback ports, masters only, for tests of the Cluster claim. */
export interface RedisCluster {
  ports: number[];
  /** REDIS_URL's Cluster form, naming every node. */
  url: string;
  stop(): Promise<void>;
}

export async function startRedisCluster(nodes = 3): Promise<RedisCluster> {
  const dir = await mkdtemp(join(tmpdir(), "numbergraph-redis-cluster-"));
  const ports: number[] = [];
  // Each node also listens on its port + 10000 (the cluster bus): both must be free.
  while (ports.length < nodes) {
    const port = await freePort();
    if (port <= 55_535 && !ports.includes(port) && (await isFree(port + 10_000))) ports.push(port);
  }
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null) return;
        const gone = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGKILL");
        await gone;
      }),
    );
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      children.push(await spawnRedisServer(port, ["--cluster-enabled", "yes", "--cluster-config-file", join(dir, `nodes-${port}.conf`), "--dir", dir]));
    }
    const create = spawn("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    create.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    create.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      create.once("error", reject);
      create.once("exit", resolve);
    });
    if (code !== 0) throw new Error(`redis-cli --cluster create exited with ${String(code)}: ${output.slice(-500)}`);
    // Every node must agree the cluster is whole before clients are let in.
    for (const port of ports) while (!(await command(port, "CLUSTER INFO")).includes("cluster_state:ok")) await sleep(50);
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports, url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(",")}`, stop };
}

/** One inline command's raw reply (enough for PING and CLUSTER INFO). */
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.setTimeout(1000, () => socket.destroy());
    socket.on("connect", () => socket.write(`${line}\r\n`));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      // A bulk reply ($<length>\r\n<body>\r\n) or a one-line one.
      const bulk = /^\$(\d+)\r\n/.exec(reply);
      if (bulk ? reply.length >= bulk[0].length + Number(bulk[1]) + 2 : reply.includes("\r\n")) socket.end();
    });
    socket.on("close", () => resolve(reply));
    socket.on("error", () => resolve(""));
  });
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** A real Redis Sentinel on a free loopback port, watching the master at `masterPort` under `name`. */
export interface RedisSentinel {
  port: number;
  /** REDIS_URL's Sentinel form. */
  url: string;
  stop(): Promise<void>;
}

export async function startRedisSentinel(masterPort: number, name = "mymaster"): Promise<RedisSentinel> {
  const dir = await mkdtemp(join(tmpdir(), "numbergraph-redis-sentinel-"));
  const port = await freePort();
  // Sentinel rewrites its configuration file, so it gets one of its own.
  const config = join(dir, "sentinel.conf");
  await writeFile(config, [`port ${port}`, "bind 127.0.0.1", `dir ${dir}`, `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`, ""].join("\n"));
  const child = spawn("redis-server", [config, "--sentinel"], { stdio: ["ignore", "ignore", "pipe"] });
  let failure: Error | undefined;
  child.on("error", (error) => (failure = new Error(`redis-server --sentinel did not start (${error.message}); install it (Debian: apt-get install -y redis-server)`)));
  child.on("exit", (code) => (failure ??= new Error(`redis-server --sentinel exited with ${String(code)} before answering PING`)));
  const stop = async () => {
    if (child.exitCode === null) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await gone;
    }
    await rm(dir, { recursive: true, force: true });
  };
  while (!(await answersPing(port))) {
    if (failure) {
      await stop();
      throw failure;
    }
    await sleep(20);
  }
  child.removeAllListeners("exit");
  return { port, url: `redis+sentinel://127.0.0.1:${port}/${name}`, stop };
}

/** A redis-server on `port` with nothing persisted, once it answers PING; a missing binary says what to install. */
async function spawnRedisServer(port: number, extraArgs: readonly string[]): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", ...extraArgs], { stdio: ["ignore", "ignore", "pipe"] });
  let failure: Error | undefined;
  child.on("error", (error) => (failure = new Error(`redis-server did not start (${error.message}); install it (Debian: apt-get install -y redis-server)`)));
  child.on("exit", (code) => (failure ??= new Error(`redis-server exited with ${String(code)} before answering PING`)));
  while (!(await answersPing(port))) {
    if (failure) throw failure;
    await sleep(20);
  }
  child.removeAllListeners("exit");
  return child;
}
