import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededDigits, seededHex, seedScale, type Rng } from "../seed.js";

/** One number as Zoom's `GET /phone/numbers` lists it (zoom-list-phone-numbers.md). */
export interface ZoomWirePhoneNumber {
  id: string;
  number: string;
  display_name?: string;
  assignee?: { id: string; name: string; extension_number?: number; type: string };
  capability: string[];
  location: string;
  number_type: string;
  site: { id: string; name: string };
  source: string;
  status: string;
  /** BYOC (source external) only. */
  carrier?: { code: number; name: string };
  emergency_address?: { address_line1: string; address_line2: string; city: string; country: string; state_code: string; zip: string };
  emergency_address_status?: number;
  emergency_address_update_time?: string;
  sip_group?: { display_name: string; id: string };
}

/** The doc's `extension_type` values: every kind of assignee a number can have. */
export const ZOOM_ASSIGNEE_TYPES = ["user", "callQueue", "autoReceptionist", "commonArea", "emergencyNumberPool", "companyLocation", "meetingService"] as const;

export const ZOOM_SITES = [
  { id: "site_8f3k2", name: "San Jose HQ", location: "San Jose, California, United States", address: { city: "San Jose", country: "US", state_code: "CA", zip: "95113", street: "Market St" } },
  { id: "site_2m9x1", name: "New York Office", location: "New York, New York, United States", address: { city: "New York", country: "US", state_code: "NY", zip: "10001", street: "W 34th St" } },
  { id: "site_7q4p0", name: "London Office", location: "London, United Kingdom", address: { city: "London", country: "GB", state_code: "LND", zip: "EC2A 4NE", street: "Shoreditch High St" } },
] as const;
// Names as Zoom admins type them: one with a comma and quotes, one a spreadsheet formula (the CSV export must neutralise it).
const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", 'Perlman, Radia "RP"', '=HYPERLINK("http://x")'];
const NAMES: Record<string, string> = {
  callQueue: "Support Queue",
  autoReceptionist: "Main Auto Receptionist",
  commonArea: "Lobby Phone",
  companyLocation: "Company Location",
  meetingService: "Meeting Dial-in",
};

/**
 * Emergency number pools, one per site: the assignee of every member number. Number Management
 * documents a pool's `assigned_to_id` as its site's id (multi-site accounts), and both APIs serve
 * one data set, so the pool's id is its site's id in both.
 */
export const ZOOM_EMERGENCY_POOLS = ZOOM_SITES.map((site) => ({ id: site.id, name: `${site.name} Emergency Pool` }));

/**
 * The simulated account's numbers: the cross-held ones first, then `count` seeded ones. The first
 * rows take every assignee type in turn (and the first pool rows every pool); the rest are a
 * realistic mix with about a quarter unassigned, 15 % toll-free, 15 % BYOC and 10 % pending.
 * London-site numbers are UK geographic numbers.
 */
export function seedZoomNumbers(count = seedScale()): ZoomWirePhoneNumber[] {
  const rng = createRng(0x200);
  const next = { local: 0, toll_free: 0, local_gb: 0 };
  const crossHeld = crossHeldFor("ZOOM").map((e164) => ({ e164, site: ZOOM_SITES[e164.startsWith("+1212") ? 1 : 0], tollfree: false }));
  const seeded = Array.from({ length: count }, () => {
    const site = pick(rng, ZOOM_SITES);
    const tollfree = site.address.country === "US" && chance(rng, 0.18);
    const kind = tollfree ? "toll_free" : site.address.country === "GB" ? "local_gb" : "local";
    return { e164: seedE164(2, next[kind]++, kind), site, tollfree };
  });
  return [...crossHeld, ...seeded].map(({ e164, site, tollfree }, i) => {
    const type = i < ZOOM_ASSIGNEE_TYPES.length * 3 ? ZOOM_ASSIGNEE_TYPES[i % ZOOM_ASSIGNEE_TYPES.length]! : chance(rng, 0.25) ? undefined : pick(rng, ["user", "user", "user", "user", ...ZOOM_ASSIGNEE_TYPES]);
    const assignee = type === "emergencyNumberPool" ? { ...ZOOM_EMERGENCY_POOLS.find((p) => p.id === site.id)!, type } : type ? otherAssignee(type, rng) : undefined;
    const byoc = chance(rng, 0.15);
    const direction = rng();
    const number: ZoomWirePhoneNumber = {
      id: seededHex(rng, 22),
      number: e164,
      ...(chance(rng, 0.6) ? { display_name: `${site.name} ${tollfree ? "toll-free" : "line"} ${i + 1}` } : {}),
      ...(assignee ? { assignee } : {}),
      capability: direction < 0.7 ? ["incoming", "outgoing"] : direction < 0.85 ? ["incoming"] : ["outgoing"],
      location: site.location,
      number_type: tollfree ? "tollfree" : "toll",
      site: { id: site.id, name: site.name },
      source: byoc ? "external" : "internal",
      status: chance(rng, 0.9) ? "available" : "pending",
    };
    if (byoc) {
      const { street, ...address } = site.address;
      number.carrier = { code: Number(seededDigits(rng, 3)), name: pick(rng, ["Bandwidth", "Lumen", "Verizon", "Colt"]) };
      number.emergency_address = { address_line1: `${seededDigits(rng, 3)} ${street}`, address_line2: `Floor ${1 + Math.floor(rng() * 9)}`, ...address };
      number.emergency_address_status = chance(rng, 0.8) ? 1 : 2;
      number.emergency_address_update_time = seededDate(rng);
      number.sip_group = { display_name: pick(rng, ["BYOC Primary", "BYOC Failover"]), id: `sg_${seededHex(rng, 10)}` };
    }
    return number;
  });
}

function otherAssignee(type: string, rng: Rng): NonNullable<ZoomWirePhoneNumber["assignee"]> {
  const name = type === "user" ? pick(rng, PEOPLE) : `${NAMES[type]} ${1 + Math.floor(rng() * 5)}`;
  // Company locations and meeting services answer without an extension of their own.
  const extension = type === "companyLocation" || type === "meetingService" ? {} : { extension_number: Number(seededDigits(rng, 4)) };
  return { id: seededHex(rng, 22), name, ...extension, type };
}
