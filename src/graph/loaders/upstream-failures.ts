import { UpstreamError, type Provider, type ProviderAccount } from "../../model/index.js";

/**
 * The providers that failed during one request. Resolvers carry on with the healthy providers'
 * data; the `upstream-errors` plugin turns this into one `errors[]` entry per failed provider.
 */
export class UpstreamFailures {
  private readonly byProvider = new Map<Provider, { error: UpstreamError; accountIds: Set<string> }>();

  record(account: ProviderAccount, error: unknown): void {
    const upstream =
      error instanceof UpstreamError
        ? error
        : new UpstreamError(account.provider, "UPSTREAM_BAD_RESPONSE", `${account.provider} account ${account.accountId} failed unexpectedly; see the gateway log.`, { accountId: account.accountId });
    const entry = this.byProvider.get(account.provider);
    if (entry) entry.accountIds.add(account.accountId);
    else this.byProvider.set(account.provider, { error: upstream, accountIds: new Set([account.accountId]) });
  }

  list(): { error: UpstreamError; accountIds: string[] }[] {
    return [...this.byProvider.values()].map(({ error, accountIds }) => ({ error, accountIds: [...accountIds].sort() }));
  }

  get size(): number {
    return this.byProvider.size;
  }
}
