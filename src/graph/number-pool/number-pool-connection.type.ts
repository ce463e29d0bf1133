import { ObjectType } from "type-graphql";
import { ConnectionType } from "../connection/connection.type.js";
import { NumberPool } from "./number-pool.type.js";

@ObjectType({ simpleResolvers: true, description: "Number pools ordered by provider, account, name, then id." })
export class NumberPoolConnection extends ConnectionType(NumberPool, "NumberPool") {}
