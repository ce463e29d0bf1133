import { Field, Int, ObjectType, type ClassType } from "type-graphql";
import { withinPage } from "../common/complexity.js";
import { PageInfo } from "./page-info.type.js";

/**
 * A Relay connection type for `nodeType`: `edges { cursor node }`, `nodes`, `pageInfo`,
 * `totalCount`. type-graphql's generic-type pattern: an abstract base, subclassed by name.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, typeName: string) {
  @ObjectType(`${typeName}Edge`, { simpleResolvers: true, description: `One item of a ${typeName} page, with its cursor.` })
  class Edge {
    @Field(() => String, { description: "Opaque position of this item, to pass as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType, { description: "The item." })
    node!: TNode;
  }

  @ObjectType({ simpleResolvers: true })
  abstract class Connection {
    @Field(() => [Edge], { complexity: withinPage, description: "This page's items with their cursors, in the connection's stable order." })
    edges!: Edge[];

    @Field(() => [nodeType], { complexity: withinPage, description: "The edges' nodes, for clients that need no cursors." })
    nodes!: TNode[];

    @Field(() => PageInfo, { description: "Whether more pages follow, and the cursor to ask for the next one." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: "How many items match, across all pages." })
    totalCount!: number;
  }
  return Connection;
}
