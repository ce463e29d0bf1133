import { Field, ObjectType } from "type-graphql";

@ObjectType("HighLevelInboundCallService", { simpleResolvers: true, description: "inboundCallService: what answers a HighLevel number when no user is linked." })
export class HighLevelInboundCallService {
  @Field(() => String, { description: "voice_ai, ivr or forward." }) type!: string;
  @Field(() => String, { nullable: true, description: "The service's target as HighLevel sends it (e.g. the Voice AI agent or IVR id, or the forwarding number); null when none." }) value!: string | null;
}

@ObjectType("HighLevelNumberDetails", { simpleResolvers: true, description: "HighLevel's own record of a location's number." })
export class HighLevelNumberDetails {
  @Field(() => String, { description: "sid: HighLevel's id of the number." }) sid!: string;
  @Field(() => String, { description: "phoneNumber exactly as HighLevel lists it." }) phoneNumber!: string;
  @Field(() => String, { nullable: true, description: "friendlyName: the label set in HighLevel; null when none." }) friendlyName!: string | null;
  @Field(() => String, { nullable: true, description: "countryCode as HighLevel sends it (ISO 3166-1 alpha-2); null when absent." }) countryCode!: string | null;
  @Field(() => String, { nullable: true, description: "local, toll-free, mobile or national." }) type!: string | null;
  @Field(() => Boolean, { nullable: true, description: "isDefaultNumber: whether this is the location's default outbound number." }) isDefaultNumber!: boolean | null;
  @Field(() => String, { nullable: true, description: "linkedUser: the id of the HighLevel user the number rings; null when none." }) linkedUser!: string | null;
  @Field(() => [String], { description: "linkedRingAllUsers: ids of the users who all ring when the number is called; empty when none." }) linkedRingAllUsers!: string[];
  @Field(() => HighLevelInboundCallService, { nullable: true, description: "inboundCallService: what answers when no user is linked (Voice AI, IVR, forward); null when none." }) inboundCallService!: HighLevelInboundCallService | null;
  @Field(() => String, { nullable: true, description: "forwardingNumber: where calls to the number are forwarded, as sent; null when none." }) forwardingNumber!: string | null;
  @Field(() => Boolean, { nullable: true, description: "isGroupConversationEnabled: group SMS/MMS conversations (US/CA numbers only)." }) isGroupConversationEnabled!: boolean | null;
  @Field(() => String, { nullable: true, description: "addressSid: the regulatory address registered for the number; null when none." }) addressSid!: string | null;
  @Field(() => String, { nullable: true, description: "bundleSid: the regulatory compliance bundle of the number; null when none." }) bundleSid!: string | null;
  @Field(() => String, { nullable: true, description: "twilio, hosted or ported." }) origin!: string | null;
  @Field(() => String, { nullable: true, description: "dateAdded, ISO 8601 as sent." }) dateAdded!: string | null;
  @Field(() => String, { nullable: true, description: "dateUpdated, ISO 8601 as sent." }) dateUpdated!: string | null;
}
