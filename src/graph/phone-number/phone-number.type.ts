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
@ObjectType({ implements: Node, description: "A phone number as one provider account holds it." })
export class PhoneNumber extends Node {
  @Field(() => String, { description: 'Normalised E.164, e.g. "+14155552671".' })
  e164!: string;

  @Field(() => ProviderEnum)
  provider!: Provider;

  @Field(() => String, { description: "The provider's own id: HighLevel sid, Telnyx id, Zoom id, Butter phon_…" })
  providerId!: string;

  @Field(() => String, { description: "HighLevel location id, Telnyx account name, Zoom account id or Butter organization id." })
  accountId!: string;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true, description: "ISO 3166-1 alpha-2." })
  countryCode!: string | null;

  @Field(() => NumberTypeEnum)
  numberType!: NumberType;

  @Field(() => NumberStatusEnum)
  status!: NumberStatus;

  @Field(() => Capabilities)
  capabilities!: Capabilities;

  @Field(() => Boolean)
  assigned!: boolean;

  @Field(() => Assignee, { nullable: true, description: "Who answers it; null when unassigned." })
  assignee!: Assignee | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  createdAt!: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  updatedAt!: Date | null;

  @Field(() => ProviderNumberDetails)
  details!: ProviderDetails;
}
