import type { ProviderAccount } from "../model/index.js";
import { RequestLoaders } from "./loaders/request-loaders.js";
import { UpstreamFailures } from "./loaders/upstream-failures.js";

/** What every resolver gets: this request's loaders (fresh per request) and its failure log. */
export interface GraphContext {
  loaders: RequestLoaders;
  failures: UpstreamFailures;
}

/** Build a request's context over the accounts the caller may see. */
export function createGraphContext(accounts: readonly ProviderAccount[]): GraphContext {
  const failures = new UpstreamFailures();
  return { loaders: new RequestLoaders(accounts, failures), failures };
}
