import type { Provider, ProviderAccount, UpstreamError } from "../model/index.js";
import { rootFieldScope } from "../observability/request-scope.js";

/**
 * The providers that failed during one request. Resolvers carry on with the healthy providers'
 * data; the `upstream-errors` plugin turns this into one `errors[]` entry per failed provider.
 */
export class UpstreamFailures {
  private readonly byProvider = new Map<Provider, { error: UpstreamError; accountIds: Set<string>; rootFields: Set<string> }>();

  record(account: ProviderAccount, upstream: UpstreamError): void {
    const entry = this.byProvider.get(account.provider);
    if (entry) entry.accountIds.add(account.accountId);
    else this.byProvider.set(account.provider, { error: upstream, accountIds: new Set([account.accountId]), rootFields: new Set() });
  }

  /** A read of `account` came back without data: the root field resolving now is incomplete by that provider. */
  leftIncomplete(account: ProviderAccount): void {
    const rootField = rootFieldScope.current();
    const entry = this.byProvider.get(account.provider);
    if (entry?.accountIds.has(account.accountId) && rootField !== undefined) entry.rootFields.add(rootField);
  }

  list(): { error: UpstreamError; accountIds: string[]; rootFields: string[] }[] {
    return [...this.byProvider.values()].map(({ error, accountIds, rootFields }) => ({ error, accountIds: [...accountIds].sort(), rootFields: [...rootFields] }));
  }

  get size(): number {
    return this.byProvider.size;
  }
}
