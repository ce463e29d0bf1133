import { numberRecord, poolRecord, type AssigneeRecord, type AssigneeType, type DetailsOf, type NumberRecord, type NumberStatus, type NumberType, type PoolRecord } from "../../model/index.js";
import type { RecordMapper } from "../shared/mapping.js";
import type { ZoomEmergencyAddress, ZoomNumberDetails } from "./zoom-details.type.js";
import type { ZoomPhoneNumber } from "./zoom-wire.js";

/** `details` as the graph serves it: typed by the GraphQL class, so the two cannot drift apart. */
export type ZoomDetails = DetailsOf<ZoomNumberDetails, "ZOOM">;

export const STATUS_TABLE: Readonly<Record<string, NumberStatus>> = { available: "ACTIVE", pending: "PENDING" };

/**
 * Zoom knows two number types. `toll` is an ordinary number its callers pay to reach — a
 * geographic DID, what the unified model calls LOCAL (Zoom does not tell mobile or national ranges
 * apart, so neither do we); `tollfree` is TOLL_FREE.
 */
export const TYPE_TABLE: Readonly<Record<string, NumberType>> = { toll: "LOCAL", tollfree: "TOLL_FREE" };

export const ASSIGNEE_TABLE: Readonly<Record<string, AssigneeType>> = {
  user: "USER",
  callQueue: "CALL_QUEUE",
  autoReceptionist: "AUTO_RECEPTIONIST",
  commonArea: "COMMON_AREA",
  emergencyNumberPool: "EMERGENCY_NUMBER_POOL",
  companyLocation: "COMPANY_LOCATION",
  meetingService: "MEETING_SERVICE",
  // In the doc's response enum though not among its extension_type filter values.
  sharedLineGroup: "SHARED_LINE_GROUP",
};

export function mapZoomNumber(wire: ZoomPhoneNumber, map: RecordMapper): NumberRecord<ZoomDetails> {
  const parsed = map.e164(wire.number, wire.id);
  const capability = wire.capability ?? null;
  const assignee: AssigneeRecord | null = wire.assignee
    ? {
        id: wire.assignee.id,
        name: wire.assignee.name || null,
        type: map.byTable("assignee.type", ASSIGNEE_TABLE, wire.assignee.type, "UNKNOWN"),
        // A long on the wire; text in the graph, like every provider's extension.
        extensionNumber: wire.assignee.extension_number === null || wire.assignee.extension_number === undefined ? null : String(wire.assignee.extension_number),
      }
    : null;
  const detailAssignee = assignee && wire.assignee ? { id: assignee.id, name: wire.assignee.name ?? null, extensionNumber: assignee.extensionNumber, type: wire.assignee.type ?? null, sourceChannel: null } : null;
  const details: ZoomDetails = {
    provider: "ZOOM",
    api: "phone",
    id: wire.id,
    number: wire.number,
    displayName: wire.display_name ?? null,
    callerIdName: null,
    allocatedProduct: null,
    numberType: wire.number_type ?? null,
    status: wire.status ?? null,
    source: wire.source ?? null,
    location: wire.location ?? null,
    locationDetail: null,
    capability: capability ?? [],
    assignee: detailAssignee,
    assignedList: detailAssignee ? [detailAssignee] : [],
    site: wire.site ? { id: wire.site.id, name: wire.site.name ?? null } : null,
    carrier: wire.carrier ? { code: int32OrNull(wire.carrier.code), name: wire.carrier.name ?? null } : null,
    sipGroup: wire.sip_group ? { id: wire.sip_group.id, displayName: wire.sip_group.display_name ?? null } : null,
    emergencyAddress: emergencyAddressOf(wire.emergency_address),
    emergencyAddressStatus: int32OrNull(wire.emergency_address_status),
    addressUpdateRequired: null,
    emergencyAddressUpdateTime: wire.emergency_address_update_time ?? null,
  };
  return numberRecord<ZoomDetails>({
    // Zoom does not promise its number ids are the same in /phone/numbers and Number Management:
    // the account and the E.164 number are what both APIs agree on, so the graph id is built from them.
    key: parsed.e164,
    provider: "ZOOM",
    providerId: wire.id,
    accountId: map.accountId,
    e164: parsed.e164,
    displayName: wire.display_name || null,
    countryCode: parsed.countryCode,
    numberType: map.byTable("number_type", TYPE_TABLE, wire.number_type, "UNKNOWN"),
    status: map.byTable("status", STATUS_TABLE, wire.status, "UNKNOWN"),
    capabilities: {
      // Every Zoom Phone number carries calls; `capability` says in which directions. Texting is a
      // separate Zoom product this record says nothing of.
      voice: true,
      sms: null,
      mms: null,
      fax: null,
      inbound: capability ? capability.includes("incoming") : null,
      outbound: capability ? capability.includes("outgoing") : null,
    },
    assigned: assignee !== null,
    assignee,
    // The listing carries no creation or update time of the number.
    createdAt: null,
    updatedAt: null,
    details,
  });
}

/** A BYOC number's emergency address as both Zoom APIs send it (only Number Management names the county). */
export function emergencyAddressOf(
  address: { address_line1?: string | null; address_line2?: string | null; city?: string | null; country?: string | null; state_code?: string | null; zip?: string | null; county?: string | null } | null | undefined,
): ZoomEmergencyAddress | null {
  if (!address) return null;
  return {
    addressLine1: address.address_line1 ?? null,
    addressLine2: address.address_line2 ?? null,
    city: address.city ?? null,
    country: address.country ?? null,
    stateCode: address.state_code ?? null,
    zip: address.zip ?? null,
    county: address.county ?? null,
  };
}

/** A GraphQL Int (32-bit) from a wire number or numeric text; null otherwise. */
export function int32OrNull(value: number | string | null | undefined): number | null {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && Math.abs(n) <= 2_147_483_647 ? n : null;
}

/**
 * Emergency number pools are not listed by this API: a pool is the assignee of its member numbers
 * (assignee type emergencyNumberPool), so each pool id seen there is one pool, named as its members
 * name it. The other pool settings are HighLevel's and stay null.
 */
export function emergencyPoolsOf(
  numbers: readonly NumberRecord[],
  accountId: string,
  /** Every assignee of a number (Number Management lists several); by default its one assignee. */
  assignmentsOf: (n: NumberRecord) => readonly AssigneeRecord[] = (n) => (n.assignee ? [n.assignee] : []),
): PoolRecord[] {
  const pools = new Map<string, PoolRecord>();
  for (const n of numbers) {
    if (n.provider !== "ZOOM" || n.accountId !== accountId) continue;
    for (const a of assignmentsOf(n)) {
      if (a.type !== "EMERGENCY_NUMBER_POOL") continue;
      let pool = pools.get(a.id);
      if (!pool) {
        pool = poolRecord({ provider: "ZOOM", providerId: a.id, accountId, name: a.name ?? a.id, memberE164s: [], forwardingNumber: null, callRecording: null, whisper: null, whisperMessage: null, isActive: null });
        pools.set(a.id, pool);
      }
      if (!pool.memberE164s.includes(n.e164)) pool.memberE164s.push(n.e164);
    }
  }
  return [...pools.values()];
}
