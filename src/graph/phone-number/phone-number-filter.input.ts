import { Field, InputType } from "type-graphql";
import type { Capability, NumberStatus, NumberType, Provider } from "../../model/index.js";
import type { NumberFilter } from "../../snapshots/number-filter.js";
import { CapabilityEnum, NumberStatusEnum, NumberTypeEnum, ProviderEnum } from "../common/enums.js";
import { BadUserInputError } from "../../errors/gateway-errors.js";

@InputType({ description: "Every given condition must hold; a list matches any of its values." })
export class PhoneNumberFilter {
  @Field(() => [ProviderEnum], { nullable: true, description: "Only numbers at these providers." })
  providers?: Provider[] | null;

  @Field(() => String, { nullable: true, description: 'Digits anywhere in the E.164 number ("+1415", "5552671").' })
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: "true: only numbers something answers; false: only unassigned ones." })
  assigned?: boolean | null;

  @Field(() => [NumberTypeEnum], { nullable: true, description: "Only numbers of these normalised types." })
  numberTypes?: NumberType[] | null;

  @Field(() => [NumberStatusEnum], { nullable: true, description: "Only numbers in these normalised statuses." })
  statuses?: NumberStatus[] | null;

  @Field(() => [String], { nullable: true, description: "ISO 3166-1 alpha-2 codes, e.g. US, GB." })
  countryCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Only numbers of these accounts (PhoneNumber.accountId: HighLevel location id, Telnyx account name, Zoom account id, Butter organization id)." })
  accountIds?: string[] | null;

  @Field(() => [CapabilityEnum], {
    nullable: true,
    description:
      "Every listed capability must be true: [SMS] matches numbers whose provider says SMS is true. A capability the provider says is false, or does not say (null), does not match; ask for those with unknownCapabilities, or compare with numberStats totals.",
  })
  capabilities?: Capability[] | null;

  @Field(() => [CapabilityEnum], {
    nullable: true,
    description: "Every listed capability must be unknown: [SMS] matches numbers whose provider does not say whether they do SMS (Capabilities.sms is null). Known true or false does not match.",
  })
  unknownCapabilities?: Capability[] | null;

  @Field(() => Boolean, { nullable: true, description: "true: only numbers in at least one pool (PhoneNumber.pools is not empty); false: only numbers in no pool." })
  inPool?: boolean | null;
}

export function normaliseNumberFilter(input: PhoneNumberFilter | null | undefined): NumberFilter {
  const filter: NumberFilter = {};
  if (!input) return filter;
  if (input.providers?.length) filter.providers = input.providers;
  if (input.search !== undefined && input.search !== null) {
    const digits = input.search.replace(/[\s().+-]/g, "");
    if (!/^\d+$/.test(digits)) {
      throw new BadUserInputError(`filter.search must be digits of a phone number (spaces, "+", "-", "(" and ")" are ignored); got ${JSON.stringify(input.search)}.`, "filter.search");
    }
    filter.search = digits;
  }
  if (input.assigned !== undefined && input.assigned !== null) filter.assigned = input.assigned;
  if (input.numberTypes?.length) filter.numberTypes = input.numberTypes;
  if (input.statuses?.length) filter.statuses = input.statuses;
  if (input.countryCodes?.length) {
    filter.countryCodes = input.countryCodes.map((code) => {
      if (!/^[A-Za-z]{2}$/.test(code)) throw new BadUserInputError(`filter.countryCodes takes ISO 3166-1 alpha-2 codes such as "US" or "GB"; got ${JSON.stringify(code)}.`, "filter.countryCodes");
      return code.toUpperCase();
    });
  }
  if (input.capabilities?.length) filter.capabilities = input.capabilities;
  if (input.unknownCapabilities?.length) filter.unknownCapabilities = input.unknownCapabilities;
  if (input.accountIds?.length) filter.accountIds = input.accountIds;
  if (input.inPool !== undefined && input.inPool !== null) filter.inPool = input.inPool;
  return filter;
}
