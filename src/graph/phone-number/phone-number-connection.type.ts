import { ObjectType } from "type-graphql";
import { ConnectionType } from "../connection/connection.type.js";
import { PhoneNumber } from "./phone-number.type.js";

@ObjectType({ simpleResolvers: true, description: "Phone numbers ordered by e164, then provider, then id." })
export class PhoneNumberConnection extends ConnectionType(PhoneNumber, "PhoneNumber") {}
