import { registerEnumType } from "type-graphql";
import { ASSIGNEE_TYPES, CAPABILITIES, NUMBER_STATUSES, NUMBER_TYPES, PROVIDERS } from "../../model/index.js";

/** type-graphql wants enum objects; the model keeps its enums as const arrays. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ProviderEnum = enumObject(PROVIDERS);
export const NumberTypeEnum = enumObject(NUMBER_TYPES);
export const NumberStatusEnum = enumObject(NUMBER_STATUSES);
export const CapabilityEnum = enumObject(CAPABILITIES);
export const AssigneeTypeEnum = enumObject(ASSIGNEE_TYPES);

registerEnumType(ProviderEnum, { name: "Provider", description: "An upstream that holds phone numbers." });
registerEnumType(NumberTypeEnum, { name: "NumberType", description: "Normalised number type; UNKNOWN where the provider's value has no mapping." });
registerEnumType(NumberStatusEnum, { name: "NumberStatus", description: "Normalised status; the provider's raw value is in `details`." });
registerEnumType(CapabilityEnum, { name: "Capability" });
registerEnumType(AssigneeTypeEnum, { name: "AssigneeType", description: "What answers a number: a person, a queue, an agent, a pool …" });
