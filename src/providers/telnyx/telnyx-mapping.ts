import { numberRecord, type DetailsOf, type NumberRecord, type NumberStatus, type NumberType } from "../../model/index.js";
import { toDate, type RecordMapper } from "../shared/mapping.js";
import type { TelnyxNumberDetails } from "./telnyx-details.type.js";
import type { TelnyxPhoneNumber } from "./telnyx-wire.js";

export type TelnyxDetails = DetailsOf<TelnyxNumberDetails, "TELNYX">;

export const STATUS_TABLE: Readonly<Record<string, NumberStatus>> = {
  active: "ACTIVE",
  "purchase-pending": "PENDING",
  "port-pending": "PENDING",
  "port-out-pending": "PENDING",
  "provision-pending": "PENDING",
  "requirement-info-pending": "PENDING",
  "requirement-info-under-review": "PENDING",
  "requirement-info-exception": "PENDING",
  "purchase-failed": "INACTIVE",
  "port-failed": "INACTIVE",
  deleted: "INACTIVE",
  "ported-out": "INACTIVE",
  // Only emergency calls work: not an active number for anything a dashboard means by it.
  "emergency-only": "INACTIVE",
};

/** Includes the legacy values the doc warns of for numbers bought before July 2023. */
export const TYPE_TABLE: Readonly<Record<string, NumberType>> = {
  local: "LOCAL",
  landline: "LOCAL",
  longcode: "LOCAL",
  toll_free: "TOLL_FREE",
  tollfree: "TOLL_FREE",
  mobile: "MOBILE",
  national: "NATIONAL",
  shared_cost: "SHARED_COST",
  // shortcode: an SMS short code, none of the unified types; left to the UNKNOWN fallback.
};

/**
 * Telnyx's record lists no capabilities, so only what its settings prove is true: a voice
 * connection routes inbound calls to it (voice, inbound), a messaging profile means it sends and
 * receives SMS, the T.38 fax gateway means it takes faxes. Nothing proves a capability false, and
 * nothing speaks of MMS or outbound calls, so everything else is null: "Telnyx does not say".
 * The assignee is the voice connection that answers the number; none when no connection.
 */
export function mapTelnyxNumber(wire: TelnyxPhoneNumber, map: RecordMapper): NumberRecord<TelnyxDetails> {
  const parsed = map.e164(wire.phone_number, wire.id);
  const voice = wire.connection_id ? true : null;
  return numberRecord<TelnyxDetails>({
    provider: "TELNYX",
    providerId: wire.id,
    accountId: map.accountId,
    e164: parsed.e164,
    // Telnyx has no friendly name; the customer reference is the one label a customer sets per number.
    displayName: wire.customer_reference ?? null,
    countryCode: wire.country_iso_alpha2?.toUpperCase() ?? parsed.countryCode,
    numberType: map.byTable("phone_number_type", TYPE_TABLE, wire.phone_number_type, "UNKNOWN"),
    status: map.byTable("status", STATUS_TABLE, wire.status, "UNKNOWN"),
    capabilities: { voice, sms: wire.messaging_profile_id ? true : null, mms: null, fax: wire.t38_fax_gateway_enabled ? true : null, inbound: voice, outbound: null },
    assigned: Boolean(wire.connection_id),
    assignee: wire.connection_id ? { id: wire.connection_id, name: wire.connection_name ?? null, type: "CONNECTION", extensionNumber: null } : null,
    createdAt: toDate(wire.created_at),
    updatedAt: toDate(wire.updated_at),
    // Field by field, so `external_pin` (a port-out secret) can never ride along.
    details: {
      provider: "TELNYX",
      id: wire.id,
      recordType: wire.record_type ?? "phone_number",
      phoneNumber: wire.phone_number,
      countryIsoAlpha2: wire.country_iso_alpha2 ?? null,
      status: wire.status,
      phoneNumberType: wire.phone_number_type ?? null,
      tags: wire.tags ?? [],
      hasExternalPin: Boolean(wire.external_pin),
      connectionId: wire.connection_id ?? null,
      connectionName: wire.connection_name ?? null,
      customerReference: wire.customer_reference ?? null,
      messagingProfileId: wire.messaging_profile_id ?? null,
      messagingProfileName: wire.messaging_profile_name ?? null,
      billingGroupId: wire.billing_group_id ?? null,
      emergencyEnabled: wire.emergency_enabled ?? null,
      emergencyAddressId: wire.emergency_address_id ?? null,
      emergencyStatus: wire.emergency_status ?? null,
      callForwardingEnabled: wire.call_forwarding_enabled ?? null,
      cnamListingEnabled: wire.cnam_listing_enabled ?? null,
      callerIdNameEnabled: wire.caller_id_name_enabled ?? null,
      callRecordingEnabled: wire.call_recording_enabled ?? null,
      t38FaxGatewayEnabled: wire.t38_fax_gateway_enabled ?? null,
      inboundCallScreening: wire.inbound_call_screening ?? null,
      hdVoiceEnabled: wire.hd_voice_enabled ?? null,
      sourceType: wire.source_type ?? null,
      deletionLockEnabled: wire.deletion_lock_enabled ?? null,
      purchasedAt: wire.purchased_at ?? null,
      createdAt: wire.created_at ?? null,
      updatedAt: wire.updated_at ?? null,
    },
  });
}
