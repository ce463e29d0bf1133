import { Field, ObjectType } from "type-graphql";

@ObjectType("HighLevelInboundCallService")
export class HighLevelInboundCallService {
  @Field(() => String, { description: "voice_ai, ivr or forward." }) type!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@ObjectType("HighLevelNumberDetails", { description: "HighLevel's own record of a location's number." })
export class HighLevelNumberDetails {
  @Field(() => String) sid!: string;
  @Field(() => String) phoneNumber!: string;
  @Field(() => String, { nullable: true }) friendlyName!: string | null;
  @Field(() => String, { nullable: true }) countryCode!: string | null;
  @Field(() => String, { nullable: true, description: "local, toll-free, mobile or national." }) type!: string | null;
  @Field(() => Boolean, { nullable: true }) isDefaultNumber!: boolean | null;
  @Field(() => String, { nullable: true }) linkedUser!: string | null;
  @Field(() => [String]) linkedRingAllUsers!: string[];
  @Field(() => HighLevelInboundCallService, { nullable: true }) inboundCallService!: HighLevelInboundCallService | null;
  @Field(() => String, { nullable: true }) forwardingNumber!: string | null;
  @Field(() => Boolean, { nullable: true }) isGroupConversationEnabled!: boolean | null;
  @Field(() => String, { nullable: true }) addressSid!: string | null;
  @Field(() => String, { nullable: true }) bundleSid!: string | null;
  @Field(() => String, { nullable: true, description: "twilio, hosted or ported." }) origin!: string | null;
  @Field(() => String, { nullable: true }) dateAdded!: string | null;
  @Field(() => String, { nullable: true }) dateUpdated!: string | null;
}
