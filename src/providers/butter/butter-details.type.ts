import { Field, ObjectType } from "type-graphql";

@ObjectType("ButterNumberDetails", { simpleResolvers: true, description: "Butter AI's own record of a voice-agent number." })
export class ButterNumberDetails {
  @Field(() => String, { description: "phone_number_id (phon_…)." }) phoneNumberId!: string;
  @Field(() => String, { description: "phone_number as Butter lists it." }) phoneNumber!: string;
  @Field(() => String, { nullable: true, description: "The carrier behind the number (Butter's `provider`: twilio, sip …)." }) carrier!: string | null;
  @Field(() => String, { description: "free or assigned." }) status!: string;
  @Field(() => Boolean, { nullable: true, description: "supports_inbound: whether the number takes incoming calls; null when not said." }) supportsInbound!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "supports_outbound: whether the number places outgoing calls; null when not said." }) supportsOutbound!: boolean | null;
  @Field(() => String, { nullable: true, description: "assigned_agent_id: the voice agent that answers the number; null when free." }) assignedAgentId!: string | null;
  @Field(() => String, { nullable: true, description: "created_at, ISO 8601 as sent." }) createdAt!: string | null;
}
