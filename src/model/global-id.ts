import { PROVIDERS, type Provider } from "./provider.js";

export type NodeTypeName = "PhoneNumber" | "NumberPool";

/** What a graph id names: a record's type, its account and its natural key within the account. */
export interface GlobalId {
  type: NodeTypeName;
  provider: Provider;
  accountId: string;
  /** The record's account-unique natural key (`NumberRecord.key`, `PoolRecord.key`). */
  key: string;
}

/**
 * Opaque ids: base64url of the record's natural key. Stable across requests, restarts and
 * instances (no state), and decodable without a lookup. A record derives its id when read
 * (src/model/phone-number.ts says why).
 */
export function encodeGlobalId(id: GlobalId): string {
  return Buffer.from(JSON.stringify([id.type, id.provider, id.accountId, id.key])).toString("base64url");
}

/** Decode, or undefined when `raw` is not an id this API issued. */
export function tryDecodeGlobalId(raw: string): GlobalId | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === "string")) return undefined;
    const [type, provider, accountId, key] = parts;
    if ((type !== "PhoneNumber" && type !== "NumberPool") || !PROVIDERS.includes(provider as Provider)) return undefined;
    return { type, provider: provider as Provider, accountId: accountId!, key: key! };
  } catch {
    return undefined;
  }
}

export function accountKey(provider: Provider, accountId: string): string {
  return `${provider}/${accountId}`;
}
