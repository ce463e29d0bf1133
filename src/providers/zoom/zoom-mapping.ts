import { UpstreamError, type AssigneeType, type NumberRecord, type NumberStatus, type NumberType, type PoolRecord } from "../../model/index.js";
import { mapByTable, normaliseE164 } from "../shared/mapping.js";
import type { ZoomPhoneNumber } from "./zoom-wire.js";

export const STATUS_TABLE: Readonly<Record<string, NumberStatus>> = { available: "ACTIVE", pending: "PENDING" };

/** Zoom's `toll` is an ordinary geographic number (callers pay); `tollfree` is toll-free. */
export const TYPE_TABLE: Readonly<Record<string, NumberType>> = { toll: "LOCAL", tollfree: "TOLL_FREE" };

export const ASSIGNEE_TABLE: Readonly<Record<string, AssigneeType>> = {
  user: "USER",
  callQueue: "CALL_QUEUE",
  autoReceptionist: "AUTO_RECEPTIONIST",
  commonArea: "COMMON_AREA",
  emergencyNumberPool: "EMERGENCY_NUMBER_POOL",
  companyLocation: "COMPANY_LOCATION",
  meetingService: "MEETING_SERVICE",
};

export function mapZoomNumber(wire: ZoomPhoneNumber, accountId: string): NumberRecord {
  const parsed = normaliseE164(wire.number);
  if (!parsed) throw new UpstreamError("ZOOM", "UPSTREAM_BAD_RESPONSE", `Zoom listed ${wire.id} with a phone number that is not one (${JSON.stringify(wire.number)}).`, { accountId });
  const capability = wire.capability ?? null;
  const assignee = wire.assignee
    ? {
        id: wire.assignee.id,
        name: wire.assignee.name ?? null,
        type: mapByTable("ZOOM", "assignee.type", ASSIGNEE_TABLE, wire.assignee.type, "UNKNOWN"),
        extensionNumber: wire.assignee.extension_number === null || wire.assignee.extension_number === undefined ? null : String(wire.assignee.extension_number),
      }
    : null;
  return {
    provider: "ZOOM",
    providerId: wire.id,
    accountId,
    e164: parsed.e164,
    displayName: wire.display_name ?? null,
    countryCode: parsed.countryCode,
    numberType: mapByTable("ZOOM", "number_type", TYPE_TABLE, wire.number_type, "UNKNOWN"),
    status: mapByTable("ZOOM", "status", STATUS_TABLE, wire.status, "UNKNOWN"),
    // Zoom Phone numbers carry calls; texting is a separate product the record says nothing of.
    capabilities: { voice: true, sms: null, mms: null, fax: null, inbound: capability ? capability.includes("incoming") : null, outbound: capability ? capability.includes("outgoing") : null },
    assigned: assignee !== null,
    assignee,
    createdAt: null,
    updatedAt: null,
    details: {
      provider: "ZOOM",
      id: wire.id,
      number: wire.number,
      displayName: wire.display_name ?? null,
      numberType: wire.number_type ?? null,
      status: wire.status ?? null,
      source: wire.source ?? null,
      location: wire.location ?? null,
      capability: capability ?? [],
      assigneeType: wire.assignee?.type ?? null,
      site: wire.site ? { id: wire.site.id, name: wire.site.name ?? null } : null,
      carrier: wire.carrier ? { code: wire.carrier.code === null || wire.carrier.code === undefined ? null : String(wire.carrier.code), name: wire.carrier.name ?? null } : null,
      sipGroup: wire.sip_group ? { id: wire.sip_group.id, displayName: wire.sip_group.display_name ?? null } : null,
      emergencyAddress: wire.emergency_address
        ? {
            addressLine1: wire.emergency_address.address_line1 ?? null,
            addressLine2: wire.emergency_address.address_line2 ?? null,
            city: wire.emergency_address.city ?? null,
            country: wire.emergency_address.country ?? null,
            stateCode: wire.emergency_address.state_code ?? null,
            zip: wire.emergency_address.zip ?? null,
          }
        : null,
      emergencyAddressStatus: wire.emergency_address_status ?? null,
      emergencyAddressUpdateTime: wire.emergency_address_update_time ?? null,
    },
  };
}

/** Emergency number pools are not listed by this API: they are the assignees of their member numbers. */
export function emergencyPoolsOf(numbers: readonly NumberRecord[], accountId: string): PoolRecord[] {
  const pools = new Map<string, PoolRecord>();
  for (const n of numbers) {
    if (n.assignee?.type !== "EMERGENCY_NUMBER_POOL") continue;
    let pool = pools.get(n.assignee.id);
    if (!pool) {
      pool = { provider: "ZOOM", providerId: n.assignee.id, accountId, name: n.assignee.name ?? n.assignee.id, memberE164s: [], forwardingNumber: null, callRecording: null, whisper: null, whisperMessage: null, isActive: null };
      pools.set(n.assignee.id, pool);
    }
    pool.memberE164s.push(n.e164);
  }
  return [...pools.values()];
}
