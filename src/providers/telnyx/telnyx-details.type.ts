import { Field, ObjectType } from "type-graphql";

/** Telnyx's PhoneNumberDetailed, less `external_pin` (a port-out secret; only its presence is served). */
@ObjectType("TelnyxNumberDetails", { simpleResolvers: true, description: "Telnyx's own record of the number (external_pin is never served)." })
export class TelnyxNumberDetails {
  @Field(() => String, { description: "id: Telnyx's id of the number (an int64, as text)." }) id!: string;
  @Field(() => String, { description: "record_type: phone_number." }) recordType!: string;
  @Field(() => String, { description: "phone_number exactly as Telnyx lists it." }) phoneNumber!: string;
  @Field(() => String, { nullable: true, description: "country_iso_alpha2; null when absent." }) countryIsoAlpha2!: string | null;
  @Field(() => String, { description: "Raw Telnyx status, e.g. port-pending." }) status!: string;
  @Field(() => String, { nullable: true, description: "Raw phone_number_type, including legacy values (tollfree, longcode)." }) phoneNumberType!: string | null;
  @Field(() => [String], { description: "tags set on the number in Telnyx; empty when none." }) tags!: string[];
  @Field(() => Boolean, { description: "Whether a port-out PIN is set. The PIN itself is a secret and never served." }) hasExternalPin!: boolean;
  @Field(() => String, { nullable: true, description: "connection_id: the voice connection (SIP, credential or FQDN connection, or call-control app) that routes its calls; null when none." }) connectionId!: string | null;
  @Field(() => String, { nullable: true, description: "connection_name; null when no connection." }) connectionName!: string | null;
  @Field(() => String, { nullable: true, description: "customer_reference: the customer's own label for the number; null when none." }) customerReference!: string | null;
  @Field(() => String, { nullable: true, description: "messaging_profile_id: the messaging profile that sends and receives its messages; null when none." }) messagingProfileId!: string | null;
  @Field(() => String, { nullable: true, description: "messaging_profile_name; null when no profile." }) messagingProfileName!: string | null;
  @Field(() => String, { nullable: true, description: "billing_group_id: the billing group its charges go to; null when none." }) billingGroupId!: string | null;
  @Field(() => Boolean, { nullable: true, description: "emergency_enabled: whether emergency (E911) service is enabled." }) emergencyEnabled!: boolean | null;
  @Field(() => String, { nullable: true, description: "emergency_address_id: the registered emergency address; null when none." }) emergencyAddressId!: string | null;
  @Field(() => String, { nullable: true, description: "emergency_status as sent (e.g. active, disabled, provisioning)." }) emergencyStatus!: string | null;
  @Field(() => Boolean, { nullable: true, description: "call_forwarding_enabled." }) callForwardingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "cnam_listing_enabled: whether the number's caller name is listed in the CNAM database." }) cnamListingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "caller_id_name_enabled: whether caller-name lookup is done on its inbound calls." }) callerIdNameEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "call_recording_enabled." }) callRecordingEnabled!: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "t38_fax_gateway_enabled: whether faxes are taken through Telnyx's T.38 gateway." }) t38FaxGatewayEnabled!: boolean | null;
  @Field(() => String, { nullable: true, description: "inbound_call_screening as sent (disabled, reject_calls, flag_calls)." }) inboundCallScreening!: string | null;
  @Field(() => Boolean, { nullable: true, description: "hd_voice_enabled." }) hdVoiceEnabled!: boolean | null;
  @Field(() => String, { nullable: true, description: "source_type: how the number came to Telnyx (number_order or port_request)." }) sourceType!: string | null;
  @Field(() => Boolean, { nullable: true, description: "deletion_lock_enabled: whether the number is protected from deletion." }) deletionLockEnabled!: boolean | null;
  @Field(() => String, { nullable: true, description: "purchased_at, as sent." }) purchasedAt!: string | null;
  @Field(() => String, { nullable: true, description: "created_at, ISO 8601 as sent." }) createdAt!: string | null;
  @Field(() => String, { nullable: true, description: "updated_at, ISO 8601 as sent." }) updatedAt!: string | null;
}
