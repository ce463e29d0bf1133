import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { startStandaloneServer } from "@apollo/server/standalone";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";

/**
 * A small CRM written the way another team would: it knows contacts and their phone number
 * strings, nothing about providers. It references numbers by `e164` (DialNumber) and adds
 * `contact` to numbergraph's PhoneNumber via `@requires(fields: "e164")`.
 */
export const CRM_TYPE_DEFS = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@external", "@requires"])

  type Contact @key(fields: "id") {
    id: ID!
    name: String!
    phone: DialNumber!
  }

  type DialNumber @key(fields: "e164") {
    e164: String!
    contact: Contact
  }

  type PhoneNumber @key(fields: "id") {
    id: ID!
    e164: String! @external
    contact: Contact @requires(fields: "e164")
  }

  type Query {
    contacts: [Contact!]!
  }
`);

export interface Contact {
  id: string;
  name: string;
  e164: string;
}

export async function startCrmSubgraph(contacts: Contact[]): Promise<{ url: string; entityCalls: () => number; stop: () => Promise<void> }> {
  let entityCalls = 0;
  const byE164 = (e164: string) => contacts.find((c) => c.e164 === e164) ?? null;
  const schema = buildSubgraphSchema({
    typeDefs: CRM_TYPE_DEFS,
    resolvers: {
      Query: {
        contacts: () => contacts,
      },
      Contact: {
        __resolveReference: (ref: { id: string }) => contacts.find((c) => c.id === ref.id) ?? null,
        phone: (contact: Contact) => ({ e164: contact.e164 }),
      },
      DialNumber: {
        __resolveReference: (ref: { e164: string }) => ref,
        contact: (dial: { e164: string }) => byE164(dial.e164),
      },
      PhoneNumber: {
        __resolveReference: (ref: { id: string; e164: string }) => ref,
        contact: (number: { e164: string }) => byE164(number.e164),
      },
    },
  });
  const server = new ApolloServer({
    schema,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      {
        async requestDidStart({ request }) {
          if (request.query?.includes("_entities")) entityCalls += 1;
        },
      },
    ],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: "127.0.0.1" } });
  return { url, entityCalls: () => entityCalls, stop: () => server.stop() };
}
