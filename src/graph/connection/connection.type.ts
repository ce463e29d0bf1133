import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { PageInfo } from "./page-info.type.js";

/**
 * A Relay connection type for `nodeType`: `edges { cursor node }`, `nodes`, `pageInfo`,
 * `totalCount`. type-graphql's generic-type pattern: an abstract base, subclassed by name.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, typeName: string) {
  @ObjectType(`${typeName}Edge`)
  class Edge {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: TNode;
  }

  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [nodeType], { description: "The edges' nodes, for clients that need no cursors." })
    nodes!: TNode[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items match, across all pages." })
    totalCount!: number;
  }
  return Connection;
}
