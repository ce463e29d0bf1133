import type { Provider } from "../../model/index.js";
import { PROVIDERS } from "../../model/index.js";
import { badUserInput } from "../common/errors.js";

export type NodeTypeName = "PhoneNumber" | "NumberPool";

export interface GlobalId {
  type: NodeTypeName;
  provider: Provider;
  accountId: string;
  providerId: string;
}

/**
 * Opaque ids: base64url of the record's natural key. Stable across requests, restarts and
 * instances (no state), and decodable without a lookup.
 */
export function encodeGlobalId(id: GlobalId): string {
  return Buffer.from(JSON.stringify([id.type, id.provider, id.accountId, id.providerId])).toString("base64url");
}

/** Decode, or undefined when `raw` is not an id this API issued. */
export function tryDecodeGlobalId(raw: string): GlobalId | undefined {
  try {
    const parts: unknown = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
    if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === "string")) return undefined;
    const [type, provider, accountId, providerId] = parts as string[];
    if ((type !== "PhoneNumber" && type !== "NumberPool") || !PROVIDERS.includes(provider as Provider)) return undefined;
    return { type, provider: provider as Provider, accountId: accountId!, providerId: providerId! };
  } catch {
    return undefined;
  }
}

export function decodeGlobalId(raw: string, argumentName = "id"): GlobalId {
  const id = tryDecodeGlobalId(raw);
  if (!id) throw badUserInput(`${JSON.stringify(raw)} is not a numbergraph id; pass the \`id\` field of a PhoneNumber or NumberPool as returned by this API.`, argumentName);
  return id;
}

/** Decode an id that must name a `type`; an id of the other type says which field takes it. */
export function decodeGlobalIdOf(type: NodeTypeName, raw: string, argumentName: string): GlobalId {
  const id = decodeGlobalId(raw, argumentName);
  if (id.type !== type) {
    const field = id.type === "PhoneNumber" ? "phoneNumber(id:)" : "numberPool(id:)";
    throw badUserInput(`${argumentName} is the id of a ${id.type}, not a ${type}; use ${field} or node(id:) for it.`, argumentName);
  }
  return id;
}

export function accountKey(provider: Provider, accountId: string): string {
  return `${provider}/${accountId}`;
}
