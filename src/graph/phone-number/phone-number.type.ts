import { GraphQLDateTime } from "graphql-scalars";
import { Directive, Field, ObjectType } from "type-graphql";
import type { NumberStatus, NumberType, Provider, ProviderDetails } from "../../model/index.js";
import { NumberStatusEnum, NumberTypeEnum, ProviderEnum } from "../common/enums.js";
import { Node } from "../node/node.type.js";
import { Assignee } from "./assignee.type.js";
import { Capabilities } from "./capabilities.type.js";
import { ProviderNumberDetails } from "./provider-number-details.union.js";

/**
 * One number as one provider account holds it. Plain fields resolve straight from the model's
 * `NumberRecord`; `id`, `pools` and `alsoHeldAt` are field resolvers in phone-number.resolver.ts.
 */
@Directive('@key(fields: "id")')
@ObjectType({ simpleResolvers: true, implements: Node, description: "A phone number as one provider account holds it." })
export class PhoneNumber extends Node {
  @Field(() => String, { description: 'Normalised E.164, e.g. "+14155552671".' })
  e164!: string;

  @Field(() => ProviderEnum, { description: "The provider that holds the number." })
  provider!: Provider;

  @Field(() => String, { description: "The provider's own id: HighLevel sid, Telnyx id, Zoom id, Butter phon_…" })
  providerId!: string;

  @Field(() => String, { description: "HighLevel location id, Telnyx account name, Zoom account id or Butter organization id." })
  accountId!: string;

  @Field(() => String, {
    nullable: true,
    description: "The label the account gave the number: HighLevel friendlyName, Telnyx customer_reference, Zoom display_name; null when none is set, and always null at Butter (which has no such field).",
  })
  displayName!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2." })
  countryCode!: string | null;

  @Field(() => NumberTypeEnum, {
    description:
      "The number's type, normalised from HighLevel type, Telnyx phone_number_type, Zoom number_type (toll → LOCAL, tollfree → TOLL_FREE) or, for Butter (which lists none), libphonenumber's type of the number; UNKNOWN when there is no mapping. The raw value is in details.",
  })
  numberType!: NumberType;

  @Field(() => NumberStatusEnum, {
    description:
      "Normalised status: HighLevel lists active numbers only (ACTIVE); Telnyx status (active, *-pending, *-failed, deleted, ported-out, emergency-only); Zoom status (available → ACTIVE, pending → PENDING); Butter free and assigned are both ACTIVE. UNKNOWN when the provider's value has no mapping. The raw value is in details.",
  })
  status!: NumberStatus;

  @Field(() => Capabilities, { description: "What the number can do, as far as the provider says; each null field means the provider does not say." })
  capabilities!: Capabilities;

  @Field(() => Boolean, { description: "True when something answers the number (see assignee): a HighLevel linked user or inbound call service, a Telnyx voice connection, a Zoom assignee, a Butter agent (or Butter status assigned)." })
  assigned!: boolean;

  @Field(() => Assignee, { nullable: true, description: "Who answers it; null when unassigned." })
  assignee!: Assignee | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the number was added: HighLevel dateAdded, Telnyx created_at, Butter created_at; null when the provider does not say (Zoom's listing never does)." })
  createdAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: "When the provider last changed the record: HighLevel dateUpdated, Telnyx updated_at; null when the provider does not say (Zoom and Butter never do)." })
  updatedAt!: Date | null;

  @Field(() => ProviderNumberDetails, { description: "The provider's own record of the number, with its raw field values: one type per provider." })
  details!: ProviderDetails;
}
