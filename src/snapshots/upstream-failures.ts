import type { Provider, ProviderAccount, UpstreamError } from "../model/index.js";

/**
 * The providers that failed during one request. Resolvers carry on with the healthy providers'
 * data; the `upstream-errors` plugin turns this into one `errors[]` entry per failed provider.
 */
export class UpstreamFailures {
  private readonly byProvider = new Map<Provider, { error: UpstreamError; accountIds: Set<string> }>();

  record(account: ProviderAccount, upstream: UpstreamError): void {
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
