import { PROVIDERS, type Provider, type ProviderAccount } from "../model/index.js";
import { ConfigError } from "../settings/config-error.js";

/** `*`, a whole provider, or one account of a provider. */
export type AccessScope = { kind: "all" } | { kind: "provider"; provider: Provider } | { kind: "account"; provider: Provider; accountId: string };

export interface GatewayKey {
  key: string;
  scopes: AccessScope[];
  /** Where it was configured ("NUMBERGRAPH_API_KEYS entry 2"), for errors that must not print the key. */
  source?: string;
}

/**
 * Parse gateway-key entries, `KEY:SCOPE[,SCOPE…]` (docs/configuration.md), separated by spaces. `source` names the variable
 * or file field in errors; a key's value never appears in one. Strict, because a lenient parse turns
 * a typo (a comma where a space belongs) into one odd key with a wide scope.
 */
export function parseGatewayKeys(text: string, source: string): GatewayKey[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((entry, i) => {
      const where = `${source} entry ${i + 1}`;
      const colons = entry.split(":").length - 1;
      if (colons > 1) {
        throw new ConfigError(`${where} has ${colons} ":" in it; a key may not contain ":", and entries are separated by spaces, not commas (e.g. "dash-7f3a:HIGHLEVEL/locA,TELNYX ops-91bc:*").`);
      }
      const colon = entry.indexOf(":");
      if (colon <= 0 || colon === entry.length - 1) {
        throw new ConfigError(`${where} is not KEY:SCOPE[,SCOPE…] (e.g. "dash-7f3a:HIGHLEVEL/locA,TELNYX"); fix or remove it.`);
      }
      return {
        key: entry.slice(0, colon),
        scopes: entry
          .slice(colon + 1)
          .split(",")
          .map((scope) => parseScope(scope, where)),
        source: where,
      };
    });
}

/** The same key twice (in the variable, the file, or across both) is a mistake, not a merge: refuse it. */
export function checkUniqueKeys(keys: readonly GatewayKey[]): void {
  const firstSeen = new Map<string, string>();
  keys.forEach((k, i) => {
    const where = k.source ?? `key ${i + 1}`;
    const earlier = firstSeen.get(k.key);
    if (earlier) throw new ConfigError(`${where} repeats the key of ${earlier}; give each key once, with all its scopes.`);
    firstSeen.set(k.key, where);
  });
}

/**
 * Every scope must match at least one account in force (in demo mode: the simulators'), so a
 * misspelt account id fails at start-up instead of serving a key nothing.
 */
export function checkScopesMatchAccounts(keys: readonly GatewayKey[], accounts: readonly { provider: Provider; accountId: string }[]): void {
  keys.forEach((k, i) => {
    for (const scope of k.scopes) {
      if (scope.kind === "all") continue;
      if (accountsInScope(accounts, [scope]).length > 0) continue;
      const text = scope.kind === "provider" ? scope.provider : `${scope.provider}/${scope.accountId}`;
      const known = accounts.filter((a) => a.provider === scope.provider).map((a) => `${a.provider}/${a.accountId}`);
      throw new ConfigError(
        `${k.source ?? `key ${i + 1}`}: scope ${text} matches no configured account (${known.length ? `configured for ${scope.provider}: ${known.join(", ")}` : `no ${scope.provider} account is configured`}); fix the scope or configure the account.`,
      );
    }
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
export function accountsInScope<A extends Pick<ProviderAccount, "provider" | "accountId">>(accounts: readonly A[], scopes: readonly AccessScope[]): A[] {
  return accounts.filter((account) =>
    scopes.some((scope) => scope.kind === "all" || (scope.kind === "provider" && scope.provider === account.provider) || (scope.kind === "account" && scope.provider === account.provider && scope.accountId === account.accountId)),
  );
}

/** The key a request presents: `Authorization: Bearer <key>` or `X-API-Key`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  const bearer = typeof authorization === "string" ? /^Bearer\s+(.+)$/i.exec(authorization.trim())?.[1] : undefined;
  const apiKey = headers["x-api-key"];
  return bearer ?? (typeof apiKey === "string" ? apiKey.trim() : undefined);
}
