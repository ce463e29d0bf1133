import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededHex, seededDigits, seedScale } from "../seed.js";

/** One number as Zoom's `GET /phone/numbers` lists it (zoom-list-phone-numbers.md). */
export interface ZoomWirePhoneNumber {
  id: string;
  number: string;
  display_name?: string;
  assignee?: { id: string; name: string; extension_number?: number; type: string };
  capability: string[];
  location: string;
  number_type: "toll" | "tollfree";
  site: { id: string; name: string };
  source: "internal" | "external";
  status: "pending" | "available";
  /** BYOC (source external) only. */
  carrier?: { code: number; name: string };
  emergency_address?: { address_line1: string; address_line2: string; city: string; country: string; state_code: string; zip: string };
  emergency_address_status?: 1 | 2;
  emergency_address_update_time?: string;
  sip_group?: { display_name: string; id: string };
}

export const ZOOM_ASSIGNEE_TYPES = ["user", "callQueue", "autoReceptionist", "commonArea", "emergencyNumberPool", "companyLocation", "meetingService"] as const;

const SITES = [
  { id: "site_8f3k2", name: "San Jose HQ" },
  { id: "site_2m9x1", name: "New York Office" },
  { id: "site_7q4p0", name: "London Office" },
];
const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson", "Edsger Dijkstra", "Barbara Liskov", "Donald Knuth", "Radia Perlman"];
export const ZOOM_EMERGENCY_POOLS = [
  { id: "enp_4Kf9s2Lq", name: "HQ Emergency Pool" },
  { id: "enp_8Jd1w0Pz", name: "NYC Emergency Pool" },
  { id: "enp_2Hx7c5Rt", name: "Warehouse Emergency Pool" },
];

export function seedZoomNumbers(count = seedScale()): ZoomWirePhoneNumber[] {
  const rng = createRng(0x200);
  const rows: { e164: string; tollfree: boolean }[] = crossHeldFor("ZOOM").map((e164) => ({ e164, tollfree: false }));
  let locals = 0;
  let tollFree = 0;
  for (let i = 0; i < count; i++) {
    const tf = chance(rng, 0.15);
    rows.push({ e164: tf ? seedE164(2, tollFree++, "toll_free") : seedE164(2, locals++, "local"), tollfree: tf });
  }
  return rows.map(({ e164, tollfree }, i) => {
    const site = pick(rng, SITES);
    const byoc = chance(rng, 0.15);
    // The first numbers take every assignee type in turn, then a realistic mix with ~25 % unassigned.
    const type = i < ZOOM_ASSIGNEE_TYPES.length * 2 ? ZOOM_ASSIGNEE_TYPES[i % ZOOM_ASSIGNEE_TYPES.length] : chance(rng, 0.25) ? undefined : pick(rng, ["user", "user", "user", "callQueue", "autoReceptionist", "commonArea", "emergencyNumberPool", "companyLocation", "meetingService"]);
    const assignee = type ? zoomAssignee(type, rng) : undefined;
    const direction = rng();
    const number: ZoomWirePhoneNumber = {
      id: seededHex(rng, 22),
      number: e164,
      ...(chance(rng, 0.6) ? { display_name: `${site.name} ${tollfree ? "toll-free" : "line"} ${i}` } : {}),
      ...(assignee ? { assignee } : {}),
      capability: direction < 0.7 ? ["incoming", "outgoing"] : direction < 0.85 ? ["incoming"] : ["outgoing"],
      location: site.name.includes("London") ? "London, United Kingdom" : site.name.includes("New York") ? "New York, New York, United States" : "San Jose, California, United States",
      number_type: tollfree ? "tollfree" : "toll",
      site,
      source: byoc ? "external" : "internal",
      status: chance(rng, 0.9) ? "available" : "pending",
    };
    if (byoc) {
      number.carrier = { code: Number(seededDigits(rng, 3)), name: pick(rng, ["Bandwidth", "Lumen", "Verizon"]) };
      number.emergency_address = { address_line1: `${seededDigits(rng, 3)} Market St`, address_line2: "Floor 2", city: "San Jose", country: "US", state_code: "CA", zip: "95113" };
      number.emergency_address_status = chance(rng, 0.8) ? 1 : 2;
      number.emergency_address_update_time = seededDate(rng);
      number.sip_group = { display_name: pick(rng, ["BYOC Primary", "BYOC Failover"]), id: `sg_${seededHex(rng, 10)}` };
    }
    return number;
  });
}

function zoomAssignee(type: string, rng: () => number): NonNullable<ZoomWirePhoneNumber["assignee"]> {
  if (type === "emergencyNumberPool") return { ...pick(rng, ZOOM_EMERGENCY_POOLS), type };
  const name = type === "user" ? pick(rng, PEOPLE) : `${type === "callQueue" ? "Support Queue" : type === "autoReceptionist" ? "Main IVR" : type === "commonArea" ? "Lobby Phone" : type === "companyLocation" ? "HQ Location" : "Meeting Dial-in"} ${Math.floor(rng() * 5) + 1}`;
  return { id: seededHex(rng, 22), name, ...(type === "companyLocation" || type === "meetingService" ? {} : { extension_number: Number(seededDigits(rng, 4)) }), type };
}
