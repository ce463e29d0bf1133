import "reflect-metadata";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { getNamedType, getNullableType, isEnumType, isInputObjectType, isInterfaceType, isListType, isNonNullType, isObjectType, isUnionType, type GraphQLSchema } from "graphql";
import { buildGraphSchema } from "../../src/graph/schema.js";

/** Federation's own members, which @apollo/subgraph adds and describes (or not) itself. */
const federationOwn = (name: string) => ["_service", "_entities", "_Service", "_Entity", "_Any"].includes(name) || name.startsWith("link__") || name.startsWith("federation__");
const builtIn = (name: string) => name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(name);

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildGraphSchema();
});

/** Every member of our own schema, and its description (what the IDE's docs show). */
function members(): { member: string; description: string | null | undefined }[] {
  const out: { member: string; description: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (builtIn(type.name) || federationOwn(type.name)) continue;
    out.push({ member: `type ${type.name}`, description: type.description });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (federationOwn(field.name)) continue;
        out.push({ member: `${type.name}.${field.name}`, description: field.description });
        for (const arg of field.args) out.push({ member: `${type.name}.${field.name}(${arg.name})`, description: arg.description });
      }
    }
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) out.push({ member: `${type.name}.${field.name}`, description: field.description });
    if (isEnumType(type)) for (const value of type.getValues()) out.push({ member: `${type.name}.${value.name}`, description: value.description });
  }
  return out;
}

describe("the schema documents itself for analysts reading it in the IDE", () => {
  it("gives every public type, field, argument, input field and enum value a description", () => {
    const all = members();
    // The walk covers the whole schema (a sanity floor: it would pass vacuously over nothing).
    expect(all.length).toBeGreaterThan(200);
    expect(all.filter((m) => !m.description?.trim()).map((m) => m.member)).toEqual([]);
  });

  it("says what null means wherever a Capabilities field may be null", () => {
    const capabilities = schema.getType("Capabilities");
    expect(capabilities?.description).toMatch(/null = the provider does not say/);
  });
});

describe("connections still follow the Relay cursor connections spec", () => {
  it("Connection types have edges { cursor node } and pageInfo; PageInfo has its four fields; connection fields take first and after", () => {
    const connections = Object.values(schema.getTypeMap()).filter((t) => isObjectType(t) && t.name.endsWith("Connection"));
    expect(connections.map((c) => c.name).sort()).toEqual(expect.arrayContaining(["NumberPoolConnection", "PhoneNumberConnection"]));
    for (const connection of connections) {
      if (!isObjectType(connection)) continue;
      const fields = connection.getFields();
      const edgesType = fields.edges?.type;
      expect([connection.name, edgesType && isListType(getNullableType(edgesType))]).toEqual([connection.name, true]);
      const edge = getNamedType(edgesType!);
      expect(isObjectType(edge) && edge.name.endsWith("Edge")).toBe(true);
      if (!isObjectType(edge)) continue;
      const edgeFields = edge.getFields();
      expect(String(edgeFields.cursor?.type)).toBe("String!");
      const node = edgeFields.node?.type;
      expect(node && !isListType(getNullableType(node)) && (isObjectType(getNamedType(node)) || isInterfaceType(getNamedType(node)) || isUnionType(getNamedType(node)))).toBe(true);
      expect(String(fields.pageInfo?.type)).toBe("PageInfo!");
    }
    const pageInfo = schema.getType("PageInfo");
    expect(isObjectType(pageInfo)).toBe(true);
    if (!isObjectType(pageInfo)) return;
    const p = pageInfo.getFields();
    expect({ hasNextPage: String(p.hasNextPage?.type), hasPreviousPage: String(p.hasPreviousPage?.type), startCursor: String(p.startCursor?.type), endCursor: String(p.endCursor?.type) }).toEqual({
      hasNextPage: "Boolean!",
      hasPreviousPage: "Boolean!",
      startCursor: "String",
      endCursor: "String",
    });
    const query = schema.getQueryType()!.getFields();
    const connectionFields = Object.values(query).filter((f) => getNamedType(f.type).name.endsWith("Connection"));
    expect(connectionFields.length).toBeGreaterThanOrEqual(2);
    for (const field of connectionFields) {
      expect(isNonNullType(field.type)).toBe(true);
      const args = Object.fromEntries(field.args.map((a) => [a.name, String(a.type)]));
      expect([field.name, args.first, args.after]).toEqual([field.name, "Int", "String"]);
    }
  });
});
