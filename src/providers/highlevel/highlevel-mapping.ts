import { numberRecord, poolRecord, UpstreamError, type AssigneeRecord, type AssigneeType, type NumberRecord, type NumberType, type PoolRecord } from "../../model/index.js";
import { mapByTable, normaliseE164, toDate } from "../shared/mapping.js";
import type { HighLevelNumber, HighLevelPool } from "./highlevel-wire.js";

export const TYPE_TABLE: Readonly<Record<string, NumberType>> = { local: "LOCAL", "toll-free": "TOLL_FREE", mobile: "MOBILE", national: "NATIONAL" };

/** Who answers when no user is linked: the inbound call service. */
export const SERVICE_TABLE: Readonly<Record<string, AssigneeType>> = { voice_ai: "VOICE_AI", ivr: "IVR", forward: "FORWARD" };

function assigneeOf(wire: HighLevelNumber): AssigneeRecord | null {
  if (wire.linkedUser) return { id: wire.linkedUser, name: null, type: "USER", extensionNumber: null };
  const service = wire.inboundCallService;
  if (service?.type) return { id: service.value ?? service.type, name: null, type: mapByTable("HIGHLEVEL", "inboundCallService.type", SERVICE_TABLE, service.type, "UNKNOWN"), extensionNumber: null };
  return null;
}

export function mapHighLevelNumber(wire: HighLevelNumber, locationId: string): NumberRecord {
  const parsed = normaliseE164(wire.phoneNumber, wire.countryCode ?? undefined);
  if (!parsed) throw new UpstreamError("HIGHLEVEL", "UPSTREAM_BAD_RESPONSE", `HighLevel listed ${wire.sid} with a phone number that is not one (${JSON.stringify(wire.phoneNumber)}).`, { accountId: locationId });
  const assignee = assigneeOf(wire);
  const caps = wire.capabilities;
  return numberRecord({
    provider: "HIGHLEVEL",
    providerId: wire.sid,
    accountId: locationId,
    e164: parsed.e164,
    displayName: wire.friendlyName ?? null,
    countryCode: wire.countryCode?.toUpperCase() ?? parsed.countryCode,
    numberType: mapByTable("HIGHLEVEL", "type", TYPE_TABLE, wire.type, "UNKNOWN"),
    // This endpoint lists active numbers only.
    status: "ACTIVE",
    capabilities: { voice: caps?.voice ?? null, sms: caps?.sms ?? null, mms: caps?.mms ?? null, fax: caps?.fax ?? null, inbound: null, outbound: null },
    assigned: assignee !== null,
    assignee,
    createdAt: toDate(wire.dateAdded),
    updatedAt: toDate(wire.dateUpdated),
    details: {
      provider: "HIGHLEVEL",
      sid: wire.sid,
      phoneNumber: wire.phoneNumber,
      friendlyName: wire.friendlyName ?? null,
      countryCode: wire.countryCode ?? null,
      type: wire.type ?? null,
      isDefaultNumber: wire.isDefaultNumber ?? null,
      linkedUser: wire.linkedUser ?? null,
      linkedRingAllUsers: wire.linkedRingAllUsers ?? [],
      inboundCallService: wire.inboundCallService?.type ? { type: wire.inboundCallService.type, value: wire.inboundCallService.value ?? null } : null,
      forwardingNumber: wire.forwardingNumber ?? null,
      isGroupConversationEnabled: wire.isGroupConversationEnabled ?? null,
      addressSid: wire.addressSid ?? null,
      bundleSid: wire.bundleSid ?? null,
      origin: wire.origin ?? null,
      dateAdded: wire.dateAdded ?? null,
      dateUpdated: wire.dateUpdated ?? null,
    },
  });
}

export function mapHighLevelPool(wire: HighLevelPool, locationId: string): PoolRecord {
  return poolRecord({
    provider: "HIGHLEVEL",
    providerId: wire.id,
    // The location whose call listed it, like its numbers: gateway-key scopes name configured locations.
    accountId: locationId,
    name: wire.name ?? wire.id,
    memberE164s: (wire.numbers ?? []).map((n) => normaliseE164(n.phoneNumber)?.e164 ?? n.phoneNumber),
    forwardingNumber: wire.forwardingNumber ? (normaliseE164(wire.forwardingNumber)?.e164 ?? wire.forwardingNumber) : null,
    callRecording: wire.callRecording ?? null,
    whisper: wire.whisper ?? null,
    whisperMessage: wire.whisperMessage ?? null,
    isActive: wire.isActive ?? null,
  });
}
