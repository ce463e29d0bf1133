import { Field, ObjectType } from "type-graphql";

/** Telnyx's PhoneNumberDetailed, less `external_pin` (a port-out secret; only its presence is served). */
@ObjectType("TelnyxNumberDetails", { description: "Telnyx's own record of the number (external_pin is never served)." })
export class TelnyxNumberDetails {
  @Field(() => String) id!: string;
  @Field(() => String) recordType!: string;
  @Field(() => String) phoneNumber!: string;
  @Field(() => String, { nullable: true }) countryIsoAlpha2!: string | null;
  @Field(() => String, { description: "Raw Telnyx status, e.g. port-pending." }) status!: string;
  @Field(() => String, { nullable: true, description: "Raw phone_number_type, including legacy values (tollfree, longcode)." }) phoneNumberType!: string | null;
  @Field(() => [String]) tags!: string[];
  @Field(() => Boolean, { description: "Whether a port-out PIN is set. The PIN itself is a secret and never served." }) hasExternalPin!: boolean;
  @Field(() => String, { nullable: true }) connectionId!: string | null;
  @Field(() => String, { nullable: true }) connectionName!: string | null;
  @Field(() => String, { nullable: true }) customerReference!: string | null;
  @Field(() => String, { nullable: true }) messagingProfileId!: string | null;
  @Field(() => String, { nullable: true }) messagingProfileName!: string | null;
  @Field(() => String, { nullable: true }) billingGroupId!: string | null;
  @Field(() => Boolean, { nullable: true }) emergencyEnabled!: boolean | null;
  @Field(() => String, { nullable: true }) emergencyAddressId!: string | null;
  @Field(() => String, { nullable: true }) emergencyStatus!: string | null;
  @Field(() => Boolean, { nullable: true }) callForwardingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true }) cnamListingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true }) callerIdNameEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true }) callRecordingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true }) t38FaxGatewayEnabled!: boolean | null;
  @Field(() => String, { nullable: true }) inboundCallScreening!: string | null;
  @Field(() => Boolean, { nullable: true }) hdVoiceEnabled!: boolean | null;
  @Field(() => String, { nullable: true }) sourceType!: string | null;
  @Field(() => Boolean, { nullable: true }) deletionLockEnabled!: boolean | null;
  @Field(() => String, { nullable: true }) purchasedAt!: string | null;
  @Field(() => String, { nullable: true }) createdAt!: string | null;
  @Field(() => String, { nullable: true }) updatedAt!: string | null;
}
