import { numberRecord, type AssigneeRecord, type AssigneeType, type NumberRecord, type NumberStatus, type NumberType } from "../../model/index.js";
import type { RecordMapper } from "../shared/mapping.js";
import type { ZoomAssignee } from "./zoom-details.type.js";
import { emergencyAddressOf, int32OrNull, type ZoomDetails } from "./zoom-mapping.js";
import type { ZoomNmAssignment, ZoomNmNumber } from "./zoom-nm-wire.js";

export const NM_STATUS_TABLE: Readonly<Record<string, NumberStatus>> = { Normal: "ACTIVE", Pending: "PENDING" };

/**
 * Number Management's seven types into the graph's: `Toll` is an ordinary (geographic) number, as
 * `toll` was; `ITFS` (International Toll-Free Service) is toll-free; `VirtualService` numbers are
 * non-geographic service numbers, which the graph calls NATIONAL (as Telnyx's `national`).
 */
export const NM_TYPE_TABLE: Readonly<Record<string, NumberType>> = {
  Toll: "LOCAL",
  TollFree: "TOLL_FREE",
  ITFS: "TOLL_FREE",
  Mobile: "MOBILE",
  National: "NATIONAL",
  VirtualService: "NATIONAL",
  SharedCost: "SHARED_COST",
};

/**
 * The 15 assignee types of `assigned_list[]`. The seven the deprecated API also had map as before;
 * a local-survivability emergency pool is an emergency number pool; the rest are graph values of their own.
 */
export const NM_ASSIGNEE_TABLE: Readonly<Record<string, AssigneeType>> = {
  User: "USER",
  CallQueue: "CALL_QUEUE",
  AutoReceptionist: "AUTO_RECEPTIONIST",
  CommonArea: "COMMON_AREA",
  EmergencyNumberPool: "EMERGENCY_NUMBER_POOL",
  LocalSurvivabilityEmergencyNumberPool: "EMERGENCY_NUMBER_POOL",
  CompanyLocation: "COMPANY_LOCATION",
  MeetingService: "MEETING_SERVICE",
  SharedLineGroup: "SHARED_LINE_GROUP",
  GroupCallPickup: "GROUP_CALL_PICKUP",
  CiscoPolycomRoom: "ROOM",
  PersonalLocation: "PERSONAL_LOCATION",
  LocalSurvivability: "LOCAL_SURVIVABILITY",
  MicrosoftTeamsResourceAccount: "TEAMS_RESOURCE_ACCOUNT",
  DistributionGroup: "DISTRIBUTION_GROUP",
};

/** Every entry of `assigned_list` in the unified model; Contact Center targets carry no type. */
export function nmAssignments(wire: ZoomNmNumber, map: RecordMapper): AssigneeRecord[] {
  return (wire.assigned_list ?? [])
    .filter((a): a is ZoomNmAssignment & { assigned_to_id: string } => typeof a.assigned_to_id === "string" && a.assigned_to_id !== "")
    .map((a) => ({
      id: a.assigned_to_id,
      name: a.assigned_to_name || null,
      type: a.assigned_to_type ? map.byTable("assigned_to_type", NM_ASSIGNEE_TABLE, a.assigned_to_type, "UNKNOWN") : wire.allocated_product === "ZOOM_CONTACT_CENTER" ? "CONTACT_CENTER" : "UNKNOWN",
      extensionNumber: a.extension_number === null || a.extension_number === undefined || a.extension_number === "" ? null : String(a.extension_number),
    }));
}

/**
 * One Number Management number in the unified model. What both Zoom APIs say of a number maps
 * exactly as `mapZoomNumber` maps it (E.164, the first assignee, pools), so switching APIs changes
 * no identity; what only this API says (Messaging, every assignee, the product) is added.
 */
export function mapZoomNmNumber(wire: ZoomNmNumber, map: RecordMapper): NumberRecord<ZoomDetails> {
  const parsed = map.e164(wire.number, wire.id);
  const capability = wire.capability ?? null;
  const assignments = nmAssignments(wire, map);
  const rawAssignments = (wire.assigned_list ?? []).filter((a) => typeof a.assigned_to_id === "string" && a.assigned_to_id !== "");
  const assignedList: ZoomAssignee[] = assignments.map((a, i) => ({
    id: a.id,
    name: rawAssignments[i]!.assigned_to_name ?? null,
    extensionNumber: a.extensionNumber,
    type: rawAssignments[i]!.assigned_to_type ?? null,
    sourceChannel: rawAssignments[i]!.source_channel ?? null,
  }));
  const location = wire.location ? [wire.location.city, wire.location.state, wire.location.country].filter(Boolean).join(", ") || null : null;
  const details: ZoomDetails = {
    provider: "ZOOM",
    api: "number_management",
    id: wire.id ?? "",
    number: wire.number,
    displayName: wire.display_name ?? null,
    callerIdName: wire.caller_id_name ?? null,
    allocatedProduct: wire.allocated_product ?? null,
    numberType: wire.number_type ?? null,
    status: wire.status ?? null,
    source: wire.source ?? null,
    location,
    locationDetail: wire.location ? { country: wire.location.country ?? null, state: wire.location.state ?? null, city: wire.location.city ?? null } : null,
    capability: capability ?? [],
    assignee: assignedList[0] ?? null,
    assignedList,
    site: wire.site?.site_id ? { id: wire.site.site_id, name: wire.site.name ?? null } : null,
    carrier: wire.carrier ? { code: int32OrNull(wire.carrier.code), name: wire.carrier.name ?? null } : null,
    sipGroup: wire.sip_group?.id ? { id: wire.sip_group.id, displayName: wire.sip_group.name ?? null } : null,
    emergencyAddress: emergencyAddressOf(wire.emergency_address),
    emergencyAddressStatus: null,
    addressUpdateRequired: wire.address_update_required ?? null,
    emergencyAddressUpdateTime: wire.emergency_address_update_time ?? null,
  };
  return numberRecord<ZoomDetails>({
    // The same key as /phone/numbers gives the number (see mapZoomNumber): switching APIs keeps its id.
    key: parsed.e164,
    provider: "ZOOM",
    providerId: wire.id ?? parsed.e164,
    accountId: map.accountId,
    e164: parsed.e164,
    // Contact Center numbers have a caller-ID name where Zoom Phone numbers have a display name.
    displayName: wire.display_name || wire.caller_id_name || null,
    countryCode: parsed.countryCode,
    numberType: map.byTable("number_type", NM_TYPE_TABLE, wire.number_type, "UNKNOWN"),
    status: map.byTable("status", NM_STATUS_TABLE, wire.status, "UNKNOWN"),
    capabilities: {
      // As with /phone/numbers, every number carries calls; Number Management also says whether it texts.
      voice: true,
      sms: capability ? capability.includes("Messaging") : null,
      mms: null,
      fax: null,
      inbound: capability ? capability.includes("Incoming") : null,
      outbound: capability ? capability.includes("Outgoing") : null,
    },
    assigned: assignments.length > 0,
    assignee: assignments[0] ?? null,
    createdAt: null,
    updatedAt: null,
    details,
  });
}
