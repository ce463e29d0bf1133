import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import got from "got";

// The smallest honest gateway: Apollo Server 5 + got, one resolver calling Telnyx's list endpoint directly.
const typeDefs = `type Query { page(first: Int = 50): Page }  type Page { data: [PhoneNumber!]! }
  type PhoneNumber { id: ID! phone_number: String! country_iso_alpha2: String customer_reference: String created_at: String updated_at: String }`;
const telnyx = got.extend({ prefixUrl: process.env.TELNYX_BASE_URL, headers: { authorization: `Bearer ${process.env.TELNYX_API_KEY}` } });
const resolvers = {
  Query: { page: async (_: unknown, { first }: { first: number }) => telnyx.get("phone_numbers", { searchParams: { "page[size]": first, sort: "phone_number" } }).json() },
};
const server = new ApolloServer({ typeDefs, resolvers });
const { url } = await startStandaloneServer(server, { listen: { port: Number(process.env.PORT ?? 4103), host: "127.0.0.1" } });
console.log(`baseline: GraphQL at ${url}`);
