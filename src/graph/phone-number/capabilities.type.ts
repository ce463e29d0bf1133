import { Field, ObjectType } from "type-graphql";

@ObjectType({ simpleResolvers: true, description: "What a number can do. null = the provider does not say." })
export class Capabilities {
  @Field(() => Boolean, { nullable: true, description: "Takes voice calls. HighLevel capabilities.voice; true for every Zoom and Butter number; Telnyx: true when a voice connection routes it, else null." }) voice!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Sends and receives SMS. HighLevel capabilities.sms; Telnyx: true when a messaging profile is attached, else null; null at Zoom and Butter (their records do not say)." }) sms!:
    boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Sends and receives MMS. HighLevel capabilities.mms; null elsewhere (the other records do not say)." }) mms!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Takes faxes. HighLevel capabilities.fax; Telnyx: true when the T.38 fax gateway is enabled, else null; null at Zoom and Butter." }) fax!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Takes incoming calls. Zoom: capability includes incoming; Butter supports_inbound; Telnyx: true when a voice connection routes it; null at HighLevel." }) inbound!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Places outgoing calls. Zoom: capability includes outgoing; Butter supports_outbound; null at HighLevel and Telnyx." }) outbound!: boolean | null;
}
