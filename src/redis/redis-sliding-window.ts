import type { Cluster, Redis } from "ioredis";

/** A single server, a Sentinel master or a Cluster: one key per command, so any of them. */
type Client = Redis | Cluster;

/**
 * The fleet's sliding-window log of one budget, in one sorted set of the times its places free, by
 * Redis's own clock (instances' clocks need not agree). A call let through holds a place scored at
 * now + lease + window until its end is reported, then at its end + window (see SlidingWindowLog).
 * TAKE: forget freed places, then hold one if the count allows (0), else answer the ms until the
 * soonest settled place frees, or -1 when every place is held by a call in flight.
 */
const TAKE = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window, limit, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[4])
redis.call("ZREMRANGEBYSCORE", KEYS[1], "-inf", now)
if redis.call("ZCARD", KEYS[1]) < limit then
  redis.call("ZADD", KEYS[1], now + lease + window, ARGV[3])
  redis.call("PEXPIRE", KEYS[1], lease + window)
  return 0
end
local soonest = redis.call("ZRANGE", KEYS[1], 0, 0, "WITHSCORES")
local frees = tonumber(soonest[2])
if frees > now + window then return -1 end
return math.max(1, frees - now)
`;

/** SETTLE: the call has ended; its place frees one window from now (if it is still held at all). */
const SETTLE = `
local t = redis.call("TIME")
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call("ZADD", KEYS[1], "XX", now + tonumber(ARGV[1]), ARGV[2])
return 0
`;

interface BudgetCommands {
  numbergraphBudgetTake(key: string, windowMs: number, limit: number, member: string, leaseMs: number): Promise<number>;
  numbergraphBudgetSettle(key: string, windowMs: number, member: string): Promise<number>;
}

function commands(client: Client): BudgetCommands {
  const withCommands = client as Client & Partial<BudgetCommands>;
  if (typeof withCommands.numbergraphBudgetTake !== "function") {
    client.defineCommand("numbergraphBudgetTake", {
      numberOfKeys: 1,
      lua: TAKE,
    });
    client.defineCommand("numbergraphBudgetSettle", {
      numberOfKeys: 1,
      lua: SETTLE,
    });
  }
  return withCommands as Client & BudgetCommands;
}

/** Hold a place in the log at `key` if one is free (0); else the ms until one frees, or -1 (all in flight). One key: Cluster-safe. */
export function takeFromRedisLog(client: Client, key: string, windowMs: number, limit: number, member: string, leaseMs: number): Promise<number> {
  return commands(client).numbergraphBudgetTake(key, windowMs, limit, member, leaseMs).then(Number);
}

/** Report the end of the call that holds `member`'s place. */
export function settleInRedisLog(client: Client, key: string, windowMs: number, member: string): Promise<number> {
  return commands(client).numbergraphBudgetSettle(key, windowMs, member).then(Number);
}
