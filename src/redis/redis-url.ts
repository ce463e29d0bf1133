/** Where `REDIS_URL` points: one server, a Cluster (its seed nodes) or a Sentinel set (its sentinels and master name). */
export type RedisTarget =
  | { kind: "server"; url: string; address: string }
  | { kind: "cluster"; nodes: RedisNode[]; tls: boolean; username?: string; password?: string; address: string }
  | { kind: "sentinel"; sentinels: RedisNode[]; name: string; tls: boolean; username?: string; password?: string; sentinelPassword?: string; db?: number; address: string };

export interface RedisNode {
  host: string;
  port: number;
}

/** The URL forms `REDIS_URL` takes, for messages and the README. */
export const REDIS_URL_FORMS =
  "redis://[user:password@]host:port[/db] (one server), redis+cluster://[user:password@]host:port,host:port (a Cluster, by some of its nodes) or redis+sentinel://[user:password@]host:port,host:port/<master name>[?sentinelPassword=…] (Sentinel); rediss… for TLS";

/** A `REDIS_URL` that is none of the forms: the message says which forms there are (never the password). */
export class RedisUrlError extends Error {
  override readonly name = "RedisUrlError";
}

/**
 * Read `REDIS_URL`. A single server keeps ioredis's own URL form; a Cluster or Sentinel set names
 * several hosts, which a URL cannot hold, so their forms list `host:port` pairs separated by commas.
 * `address` is what logs and /readyz may show: hosts and ports, never user or password.
 */
export function parseRedisUrl(url: string): RedisTarget {
  const scheme = /^([a-z+]+):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "redis" || scheme === "rediss") {
    if (/^[^/]*\/\/[^/?#]*,/.test(url)) throw new RedisUrlError(`REDIS_URL names several hosts under ${scheme}://; a Cluster is redis+cluster://host:port,host:port and Sentinel redis+sentinel://host:port,host:port/<master name>.`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RedisUrlError(`REDIS_URL is not a URL; use ${REDIS_URL_FORMS}.`);
    }
    if (!parsed.hostname) throw new RedisUrlError(`REDIS_URL names no host; use ${REDIS_URL_FORMS}.`);
    return { kind: "server", url, address: `${parsed.hostname}:${parsed.port || "6379"}` };
  }
  const multi = /^(rediss?)\+(cluster|sentinel)$/.exec(scheme ?? "");
  if (!multi) throw new RedisUrlError(`REDIS_URL must start with redis://, rediss://, redis+cluster:// or redis+sentinel://; use ${REDIS_URL_FORMS}.`);
  const tls = multi[1] === "rediss";
  const kind = multi[2] as "cluster" | "sentinel";
  const rest = url.slice(scheme!.length + 3);
  const at = rest.lastIndexOf("@");
  const credentials = at >= 0 ? rest.slice(0, at) : undefined;
  const afterCredentials = at >= 0 ? rest.slice(at + 1) : rest;
  const [hostsAndPath = "", query = ""] = afterCredentials.split("?", 2);
  const slash = hostsAndPath.indexOf("/");
  const hosts = slash >= 0 ? hostsAndPath.slice(0, slash) : hostsAndPath;
  const path = slash >= 0 ? hostsAndPath.slice(slash + 1).replace(/\/+$/, "") : "";
  const nodes = hosts.split(",").map((part) => node(part, kind));
  const { username, password } = userAndPassword(credentials);
  const address = nodes.map((n) => `${n.host}:${n.port}`).join(",");
  if (kind === "cluster") {
    if (path) throw new RedisUrlError(`REDIS_URL: a Cluster has no database number or path (got "/${path}"); use redis+cluster://host:port,host:port.`);
    return { kind, nodes, tls, username, password, address };
  }
  const [name, db] = path.split("/");
  if (!name) throw new RedisUrlError(`REDIS_URL: Sentinel needs the master's name after the hosts, as in redis+sentinel://host:26379,host:26379/mymaster.`);
  if (db !== undefined && !/^\d+$/.test(db)) throw new RedisUrlError(`REDIS_URL: the database after the master's name must be a number; got "${db}".`);
  const sentinelPassword = new URLSearchParams(query).get("sentinelPassword") ?? undefined;
  return { kind, sentinels: nodes, name: decodeURIComponent(name), tls, username, password, sentinelPassword, db: db === undefined ? undefined : Number(db), address: `${address}/${name}` };
}

function node(part: string, kind: "cluster" | "sentinel"): RedisNode {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/\s]+)(?::(\d+))?$/i.exec(part.trim());
  if (!match) throw new RedisUrlError(`REDIS_URL: "${part}" is not host:port; list the ${kind === "cluster" ? "Cluster's nodes" : "sentinels"} as host:port,host:port.`);
  const port = match[2] === undefined ? (kind === "cluster" ? 6379 : 26379) : Number(match[2]);
  if (port < 1 || port > 65535) throw new RedisUrlError(`REDIS_URL: port ${port} of ${match[1]} is not a port (1–65535).`);
  return { host: match[1]!.replace(/^\[|\]$/g, ""), port };
}

function userAndPassword(credentials: string | undefined): { username?: string; password?: string } {
  if (!credentials) return {};
  const colon = credentials.indexOf(":");
  const username = decodeURIComponent(colon >= 0 ? credentials.slice(0, colon) : credentials) || undefined;
  const password = colon >= 0 ? decodeURIComponent(credentials.slice(colon + 1)) || undefined : undefined;
  return { username, password };
}
