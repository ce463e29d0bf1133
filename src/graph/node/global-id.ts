import { tryDecodeGlobalId, type GlobalId, type NodeTypeName } from "../../model/index.js";
import { BadUserInputError } from "../../errors/gateway-errors.js";

/** Decode an id argument, or a BAD_USER_INPUT that says which ids this API takes. */
export function decodeGlobalId(raw: string, argumentName = "id"): GlobalId {
  const id = tryDecodeGlobalId(raw);
  if (!id) throw new BadUserInputError(`${JSON.stringify(raw)} is not a numbergraph id; pass the \`id\` field of a PhoneNumber or NumberPool as returned by this API.`, argumentName);
  return id;
}

/** Decode an id that must name a `type`; an id of the other type says which field takes it. */
export function decodeGlobalIdOf(type: NodeTypeName, raw: string, argumentName: string): GlobalId {
  const id = decodeGlobalId(raw, argumentName);
  if (id.type !== type) {
    const field = id.type === "PhoneNumber" ? "phoneNumber(id:)" : "numberPool(id:)";
    throw new BadUserInputError(`${argumentName} is the id of a ${id.type}, not a ${type}; use ${field} or node(id:) for it.`, argumentName);
  }
  return id;
}
