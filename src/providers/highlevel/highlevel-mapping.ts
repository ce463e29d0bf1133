import { numberRecord, poolRecord, type AssigneeRecord, type AssigneeType, type DetailsOf, type NumberRecord, type NumberType, type PoolRecord } from "../../model/index.js";
import { normaliseE164, toDate, type RecordMapper } from "../shared/mapping.js";
import type { HighLevelNumberDetails } from "./highlevel-details.type.js";
import type { HighLevelNumber, HighLevelPool } from "./highlevel-wire.js";

export type HighLevelDetails = DetailsOf<HighLevelNumberDetails, "HIGHLEVEL">;

export const TYPE_TABLE: Readonly<Record<string, NumberType>> = { local: "LOCAL", "toll-free": "TOLL_FREE", mobile: "MOBILE", national: "NATIONAL" };

/** Who answers when no user is linked: the inbound call service. */
export const SERVICE_TABLE: Readonly<Record<string, AssigneeType>> = { voice_ai: "VOICE_AI", ivr: "IVR", forward: "FORWARD" };

function assigneeOf(wire: HighLevelNumber, map: RecordMapper): AssigneeRecord | null {
  if (wire.linkedUser) return { id: wire.linkedUser, name: null, type: "USER", extensionNumber: null };
  const service = wire.inboundCallService;
  if (service?.type) return { id: service.value ?? service.type, name: null, type: map.byTable("inboundCallService.type", SERVICE_TABLE, service.type, "UNKNOWN"), extensionNumber: null };
  return null;
}

/** One number of the location `map` maps for. */
export function mapHighLevelNumber(wire: HighLevelNumber, map: RecordMapper): NumberRecord<HighLevelDetails> {
  const parsed = map.e164(wire.phoneNumber, wire.sid, wire.countryCode ?? undefined);
  const assignee = assigneeOf(wire, map);
  const caps = wire.capabilities;
  return numberRecord<HighLevelDetails>({
    provider: "HIGHLEVEL",
    providerId: wire.sid,
    accountId: map.accountId,
    e164: parsed.e164,
    displayName: wire.friendlyName ?? null,
    countryCode: wire.countryCode?.toUpperCase() ?? parsed.countryCode,
    numberType: map.byTable("type", TYPE_TABLE, wire.type, "UNKNOWN"),
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
