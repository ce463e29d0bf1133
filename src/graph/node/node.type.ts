import { Field, ID, InterfaceType } from "type-graphql";

/** Relay's Node: anything fetchable by its opaque id through `node(id:)`. */
@InterfaceType({
  description: "An object with a stable, opaque id that `node(id:)` fetches again.",
  resolveType: (value: object) => ("memberE164s" in value ? "NumberPool" : "PhoneNumber"),
})
export abstract class Node {
  @Field(() => ID, { description: "Opaque global id, stable across requests and gateway instances; pass it to node, phoneNumber or numberPool." })
  id!: string;
}
