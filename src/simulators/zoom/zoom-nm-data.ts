import { createHash } from "node:crypto";
import { chance, createRng, pick, seedE164, seededDigits, seededHex } from "../seed.js";
import { ZOOM_SITES, type ZoomWirePhoneNumber } from "./zoom-data.js";

/** One number as `GET /number_management/numbers` lists it (zoom-number-management-list-numbers.md §4). */
export interface ZoomNmWireNumber {
  id: string;
  number: string;
  allocated_product: "UNALLOCATED" | "ZOOM_PHONE" | "ZOOM_CONTACT_CENTER";
  number_type: string;
  display_name?: string;
  caller_id_name?: string;
  carrier?: { code: number; name: string };
  capability: string[];
  source: string;
  status: "Normal" | "Pending";
  emergency_address?: { address_line1?: string; address_line2?: string; city?: string; county?: string; state_code?: string; country?: string; zip?: string };
  address_update_required?: boolean;
  emergency_address_update_time?: string;
  site?: { site_id: string; name: string };
  assigned_list: { assigned_to_id: string; assigned_to_name?: string; assigned_to_type?: string; source_channel?: "Voice" | "SMS"; extension_number?: string }[];
  sip_group?: { id: string; name: string };
  location?: { country?: string; state?: string; city?: string };
}

/** The response enum of `assigned_list[].assigned_to_type`: the 15 Zoom Phone targets. */
export const ZOOM_NM_ASSIGNEE_TYPES = [
  "User",
  "CallQueue",
  "AutoReceptionist",
  "CiscoPolycomRoom",
  "SharedLineGroup",
  "GroupCallPickup",
  "CommonArea",
  "EmergencyNumberPool",
  "CompanyLocation",
  "PersonalLocation",
  "MeetingService",
  "LocalSurvivability",
  "LocalSurvivabilityEmergencyNumberPool",
  "MicrosoftTeamsResourceAccount",
  "DistributionGroup",
] as const;
export const ZOOM_NM_NUMBER_TYPES = ["Toll", "TollFree", "VirtualService", "Mobile", "SharedCost", "National", "ITFS"] as const;
export const ZOOM_NM_SOURCES = ["Zoom", "ZoomPorted", "ZoomReserved", "ThirdPartyNumber", "BYOCCloud", "BYOCPremises"] as const;
export const ZOOM_NM_PRODUCTS = ["UNALLOCATED", "ZOOM_PHONE", "ZOOM_CONTACT_CENTER"] as const;
/** The `assigned_to_type` filter's values: the 15 above plus unassigned and the Contact Center targets. */
export const ZOOM_NM_ASSIGNED_TO_FILTER = [
  "PhoneUnassigned",
  ...ZOOM_NM_ASSIGNEE_TYPES,
  "ContactCenterUnassigned",
  "DialInToVideoEngagements",
  "DefaultSystemOutgoingSMS",
  "DefaultAgentOutgoingSMS",
  "DefaultCallerID",
  "Voice",
  "SMS",
] as const;

const PASCAL: Record<string, string> = {
  user: "User",
  callQueue: "CallQueue",
  autoReceptionist: "AutoReceptionist",
  commonArea: "CommonArea",
  emergencyNumberPool: "EmergencyNumberPool",
  companyLocation: "CompanyLocation",
  meetingService: "MeetingService",
  sharedLineGroup: "SharedLineGroup",
};

/**
 * Zoom does not promise a number keeps its id across the two APIs, so the simulator gives it
 * another one here (derived, so stable): a client that keyed numbers on Zoom's id would see them change.
 */
export function numberManagementId(phoneApiId: string): string {
  return createHash("sha256").update(`nm:${phoneApiId}`).digest("base64url").slice(0, 22);
}

/**
 * What Number Management adds to a Zoom Phone number the deprecated API also lists, seeded per
 * number: the finer source, Messaging and emergency-calling capabilities, and for some user numbers
 * a second assignee (a shared line group the line is also in).
 */
interface NmExtras {
  source: string;
  messaging: boolean;
  emergencyCalls: boolean;
  sharedLine: { id: string; name: string } | undefined;
}

function extrasFor(wire: ZoomWirePhoneNumber): NmExtras {
  const rng = createRng(parseInt(createHash("sha256").update(wire.id).digest("hex").slice(0, 8), 16));
  const source = wire.source === "external" ? pick(rng, ["BYOCCloud", "BYOCPremises"]) : pick(rng, ["Zoom", "Zoom", "ZoomPorted", "ZoomReserved"]);
  const messaging = chance(rng, 0.45);
  const emergencyCalls = chance(rng, 0.3);
  const sharedLine = wire.assignee?.type === "user" && chance(rng, 0.25) ? { id: seededHex(rng, 22), name: `Shared Line Group ${1 + Math.floor(rng() * 3)}` } : undefined;
  return { source, messaging, emergencyCalls, sharedLine };
}

/** `location` was one string ("San Jose, California, United States"); Number Management splits it. */
function splitLocation(location: string): ZoomNmWireNumber["location"] {
  const parts = location.split(",").map((p) => p.trim());
  if (parts.length >= 3) return { city: parts[0], state: parts[1], country: parts[parts.length - 1] };
  if (parts.length === 2) return { city: parts[0], country: parts[1] };
  return { country: parts[0] };
}

/** The Number Management record of a number the deprecated `GET /phone/numbers` also lists. */
export function toNumberManagement(wire: ZoomWirePhoneNumber): ZoomNmWireNumber {
  const extras = extrasFor(wire);
  const capability = wire.capability.map((c) => (c === "incoming" ? "Incoming" : c === "outgoing" ? "Outgoing" : c));
  if (extras.messaging) capability.push("Messaging");
  if (extras.emergencyCalls) capability.push("EmergencyCalls");
  const assigned: ZoomNmWireNumber["assigned_list"] = [];
  if (wire.assignee) {
    assigned.push({
      assigned_to_id: wire.assignee.id,
      assigned_to_name: wire.assignee.name,
      assigned_to_type: PASCAL[wire.assignee.type] ?? wire.assignee.type,
      ...(wire.assignee.extension_number !== undefined ? { extension_number: String(wire.assignee.extension_number) } : {}),
    });
  }
  if (extras.sharedLine) assigned.push({ assigned_to_id: extras.sharedLine.id, assigned_to_name: extras.sharedLine.name, assigned_to_type: "SharedLineGroup" });
  return {
    id: numberManagementId(wire.id),
    number: wire.number,
    allocated_product: "ZOOM_PHONE",
    number_type: wire.number_type === "tollfree" ? "TollFree" : "Toll",
    ...(wire.display_name !== undefined ? { display_name: wire.display_name } : {}),
    ...(wire.carrier ? { carrier: wire.carrier } : {}),
    capability,
    source: extras.source,
    status: wire.status === "pending" ? "Pending" : "Normal",
    ...(wire.emergency_address ? { emergency_address: wire.emergency_address } : {}),
    ...(wire.emergency_address_status !== undefined ? { address_update_required: wire.emergency_address_status === 1 } : {}),
    ...(wire.emergency_address_update_time ? { emergency_address_update_time: wire.emergency_address_update_time } : {}),
    site: { site_id: wire.site.id, name: wire.site.name },
    assigned_list: assigned,
    ...(wire.sip_group ? { sip_group: { id: wire.sip_group.id, name: wire.sip_group.display_name } } : {}),
    location: splitLocation(wire.location),
  };
}

/**
 * Numbers only Number Management lists: Contact Center numbers, unallocated inventory (every
 * number type the deprecated API has no word for), and Zoom Phone numbers whose assignee kind the
 * deprecated API cannot name: a tenth of `count` (at least 30), the three kinds in turn.
 */
export function seedNumberManagementOnly(count: number): ZoomNmWireNumber[] {
  const rng = createRng(0x2f0);
  const n = Math.max(30, Math.round(count / 10));
  // Slot 5 is otherwise unused, so these never collide with the numbers both APIs list.
  const next = { local: 0, toll_free: 0, mobile: 0, national: 0, shared_cost: 0, local_gb: 0 };
  const phoneOnlyTypes = ZOOM_NM_ASSIGNEE_TYPES.filter((t) => !Object.values(PASCAL).includes(t));
  return Array.from({ length: n }, (_, i): ZoomNmWireNumber => {
    const site = pick(rng, ZOOM_SITES);
    const kind = i % 3;
    const numberType = kind === 1 ? ZOOM_NM_NUMBER_TYPES[i % ZOOM_NM_NUMBER_TYPES.length]! : i % 4 === 0 ? "TollFree" : "Toll";
    const seedKind =
      numberType === "TollFree" || numberType === "ITFS"
        ? "toll_free"
        : numberType === "Mobile"
          ? "mobile"
          : numberType === "National" || numberType === "VirtualService"
            ? "national"
            : numberType === "SharedCost"
              ? "shared_cost"
              : site.address.country === "GB"
                ? "local_gb"
                : "local";
    const number = seedE164(5, next[seedKind]++, seedKind);
    const base = {
      id: seededHex(rng, 22),
      number,
      number_type: numberType,
      status: chance(rng, 0.85) ? ("Normal" as const) : ("Pending" as const),
      location: splitLocation(site.location),
    };
    if (kind === 0) {
      // Contact Center: a caller-ID name, targets by channel (ids 2/3/4/8 are Zoom's fixed uses).
      const target = pick(rng, ["2", "3", "4", "8", seededHex(rng, 12)]);
      return {
        ...base,
        allocated_product: "ZOOM_CONTACT_CENTER",
        caller_id_name: `Support ${1 + (i % 5)}`,
        capability: chance(rng, 0.5) ? ["Incoming", "Outgoing", "Messaging"] : ["Incoming", "Outgoing", "PCIPal"],
        source: pick(rng, ["Zoom", "ZoomPorted"]),
        assigned_list: [{ assigned_to_id: target, ...(target.length > 2 ? { assigned_to_name: "Billing flow" } : {}), source_channel: chance(rng, 0.5) ? "Voice" : "SMS" }],
      };
    }
    if (kind === 1) {
      // Unallocated inventory, some of it carrier numbers (Provider Exchange).
      return {
        ...base,
        allocated_product: "UNALLOCATED",
        capability: ["Incoming", "Outgoing"],
        source: pick(rng, ["Zoom", "ThirdPartyNumber", "ZoomReserved"]),
        ...(chance(rng, 0.5) ? { carrier: { code: Number(seededDigits(rng, 2)), name: pick(rng, ["Bandwidth", "Lumen", "Colt"]) } } : {}),
        assigned_list: [],
      };
    }
    const type = phoneOnlyTypes[Math.floor(i / 3) % phoneOnlyTypes.length]!;
    return {
      ...base,
      allocated_product: "ZOOM_PHONE",
      display_name: `${site.name} ${type}`,
      capability: ["Incoming", "Outgoing"],
      source: "Zoom",
      site: { site_id: site.id, name: site.name },
      assigned_list: [
        {
          // A site's survivability pool is not its emergency number pool (whose id is the site's): another id.
          assigned_to_id: type === "LocalSurvivabilityEmergencyNumberPool" ? `ls_${site.id}` : seededHex(rng, 22),
          assigned_to_name: type === "LocalSurvivabilityEmergencyNumberPool" ? `${site.name} Survivability Pool` : `${type} ${1 + (i % 4)}`,
          assigned_to_type: type,
          ...(type === "PersonalLocation" || type === "LocalSurvivability" ? {} : { extension_number: seededDigits(rng, 4) }),
        },
      ],
    };
  });
}
