import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { GraphQLError } from "graphql";
import { accountsInScope, presentedKey, type GatewayKey } from "./access/gateway-keys.js";
import { createGraphContext, type GraphContext } from "./graph/context.js";
import { buildGraphSchema } from "./graph/schema.js";
import type { ProviderAccount } from "./model/index.js";
import { DEFAULT_MAX_QUERY_COST, queryCostPlugin } from "./plugin/query-cost/index.js";
import { upstreamErrorsPlugin } from "./plugin/upstream-errors/index.js";

export interface GatewayOptions {
  accounts: readonly ProviderAccount[];
  /** Empty: everyone sees every account. */
  gatewayKeys: readonly GatewayKey[];
  port: number;
  host?: string;
  /** The most objects one operation may be expected to return (default `DEFAULT_MAX_QUERY_COST`). */
  maxQueryCost?: number;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  stop(): Promise<void>;
}

/** Serve the graph over `accounts`. Every request gets a fresh context (and loaders) scoped by its key. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const server = new ApolloServer<GraphContext>({
    schema: await buildGraphSchema(),
    plugins: [queryCostPlugin({ maxCost: options.maxQueryCost ?? DEFAULT_MAX_QUERY_COST }), upstreamErrorsPlugin(), ApolloServerPluginInlineTraceDisabled()],
    introspection: true,
  });
  const keys = new Map(options.gatewayKeys.map((k) => [k.key, k.scopes]));
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? "0.0.0.0" },
    context: async ({ req }) => {
      if (keys.size === 0) return createGraphContext(options.accounts);
      const key = presentedKey(req.headers);
      const scopes = key === undefined ? undefined : keys.get(key);
      if (!scopes) {
        throw new GraphQLError(key === undefined ? "This gateway needs an API key: send `Authorization: Bearer <key>` or `X-API-Key: <key>`." : "The API key is not valid for this gateway; check it with whoever runs the gateway.", {
          extensions: { code: "UNAUTHENTICATED", http: { status: 401, headers: new Map([["www-authenticate", 'Bearer realm="numbergraph"']]) } },
        });
      }
      return createGraphContext(accountsInScope(options.accounts, scopes));
    },
  });
  const endpoint = new URL("graphql", url).toString();
  return { url: endpoint, stop: () => server.stop() };
}
