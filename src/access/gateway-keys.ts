import { PROVIDERS, type Provider, type ProviderAccount } from "../model/index.js";
import { ConfigError } from "../config/config-error.js";

/** `*`, a whole provider, or one account of a provider. */
export type AccessScope = { kind: "all" } | { kind: "provider"; provider: Provider } | { kind: "account"; provider: Provider; accountId: string };

export interface GatewayKey {
  key: string;
  scopes: AccessScope[];
}

/**
 * Parse SPEC §5's `KEY:SCOPE[,SCOPE…]` entries, separated by spaces. `source` names the variable
 * or file field in errors; a key's value never appears in one.
 */
export function parseGatewayKeys(text: string, source: string): GatewayKey[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((entry, i) => {
      const colon = entry.lastIndexOf(":");
      if (colon <= 0 || colon === entry.length - 1) {
        throw new ConfigError(`${source}: entry ${i + 1} is not KEY:SCOPE[,SCOPE…] (e.g. "dash-7f3a:HIGHLEVEL/locA,TELNYX"); fix or remove it.`);
      }
      return { key: entry.slice(0, colon), scopes: entry.slice(colon + 1).split(",").map((scope) => parseScope(scope, `${source} entry ${i + 1}`)) };
    });
}

export function parseScope(text: string, source: string): AccessScope {
  if (text === "*") return { kind: "all" };
  const slash = text.indexOf("/");
  const provider = (slash === -1 ? text : text.slice(0, slash)).toUpperCase();
  if (!PROVIDERS.includes(provider as Provider)) {
    throw new ConfigError(`${source}: scope ${JSON.stringify(text)} must be *, a provider (${PROVIDERS.join(", ")}) or PROVIDER/accountId.`);
  }
  if (slash === -1) return { kind: "provider", provider: provider as Provider };
  const accountId = text.slice(slash + 1);
  if (!accountId) throw new ConfigError(`${source}: scope ${JSON.stringify(text)} names no account after "/".`);
  return { kind: "account", provider: provider as Provider, accountId };
}

/** The accounts a key may see. Every graph path reads through these, so this is the whole of enforcement. */
export function accountsInScope(accounts: readonly ProviderAccount[], scopes: readonly AccessScope[]): ProviderAccount[] {
  return accounts.filter((account) =>
    scopes.some(
      (scope) =>
        scope.kind === "all" ||
        (scope.kind === "provider" && scope.provider === account.provider) ||
        (scope.kind === "account" && scope.provider === account.provider && scope.accountId === account.accountId),
    ),
  );
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  const bearer = typeof authorization === "string" ? /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1] : undefined;
  const apiKey = headers["x-api-key"];
  return bearer ?? (typeof apiKey === "string" ? apiKey.trim() : undefined);
}
