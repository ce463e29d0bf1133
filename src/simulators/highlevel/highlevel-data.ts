import { HIGHLEVEL_SIM_CREDENTIALS } from "./highlevel-credentials.js";
import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededHex, seedScale, type SeedNumberKind, type Slot } from "../seed.js";

/** A number as `GET /phone-system/numbers/location/:locationId` lists it. */
export interface HighLevelWireNumber {
  phoneNumber: string;
  friendlyName: string | null;
  sid: string;
  countryCode: string;
  capabilities: { voice: boolean; sms: boolean; mms: boolean; fax: boolean };
  type: "local" | "toll-free" | "mobile" | "national";
  isDefaultNumber: boolean;
  linkedUser: string | null;
  linkedRingAllUsers: string[];
  inboundCallService: { type: "voice_ai" | "ivr" | "forward"; value: string } | null;
  forwardingNumber: string | null;
  isGroupConversationEnabled: boolean;
  addressSid: string | null;
  bundleSid: string | null;
  dateAdded: string;
  dateUpdated: string;
  origin: "twilio" | "hosted" | "ported";
}

/** A pool as `GET /phone-system/number-pools` lists it. */
export interface HighLevelWirePool {
  id: string;
  name: string;
  locationId: string;
  numbers: { phoneNumber: string; friendlyName: string }[];
  forwardingNumber: string;
  whisper: boolean;
  whisperMessage: string;
  callRecording: boolean;
  isActive: boolean;
  inboundCallService: { type: string; value: string } | null;
}

export interface HighLevelLocationData {
  locationId: string;
  numbers: HighLevelWireNumber[];
  pools: HighLevelWirePool[];
  /** sids of numbers in a pool: hidden unless `skipNumberPool=false`. */
  pooledSids: Set<string>;
}

const TYPES: [HighLevelWireNumber["type"], SeedNumberKind, number][] = [
  ["local", "local", 0.65],
  ["toll-free", "toll_free", 0.15],
  ["mobile", "mobile", 0.12],
  ["national", "national", 0.08],
];
// Pool names are typed by HighLevel users, so some hold commas, quotes and spreadsheet formulas (the CSV export must survive them).
const POOL_NAMES = ["Sales Team Pool", "Google Ads Tracking", "Facebook Campaign", "Support Overflow", "+Spring Promo", 'Referral Partners, "Q3"'];

/** sim-loc-main (slot 0, full scale, the cross-held numbers), sim-loc-branch (slot 4, a third), sim-loc-empty. */
export function seedHighLevelLocations(count = seedScale()): HighLevelLocationData[] {
  const [main, branch, empty] = HIGHLEVEL_SIM_CREDENTIALS.locationIds;
  return [seedLocation(main, 0, count, crossHeldFor("HIGHLEVEL"), 4), seedLocation(branch, 4, Math.max(1, Math.round(count / 3)), [], 2), { locationId: empty, numbers: [], pools: [], pooledSids: new Set() }];
}

function seedLocation(locationId: string, slot: Slot, count: number, crossHeld: string[], poolCount: number): HighLevelLocationData {
  const rng = createRng(0x91 + slot);
  const counters = new Map<SeedNumberKind, number>();
  const users = Array.from({ length: 12 }, () => `user_${seededHex(rng, 16)}`);
  const rows: { e164: string; type: HighLevelWireNumber["type"] }[] = crossHeld.map((e164) => ({ e164, type: "local" }));
  for (let i = 0; i < count; i++) {
    let roll = rng();
    const [type, kind] = TYPES.find(([, , share]) => (roll -= share) < 0) ?? TYPES[0]!;
    const n = counters.get(kind) ?? 0;
    counters.set(kind, n + 1);
    rows.push({ e164: seedE164(slot, n, kind), type });
  }
  const numbers = rows.map(({ e164, type }, i): HighLevelWireNumber => {
    const added = seededDate(rng);
    const sms = type !== "national" && chance(rng, 0.85);
    const service = chance(rng, 0.3) ? pick(rng, ["voice_ai", "ivr", "forward"] as const) : null;
    const linkedUser = chance(rng, 0.55) ? pick(rng, users) : null;
    return {
      phoneNumber: e164,
      friendlyName: chance(rng, 0.7) ? `${pick(rng, ["Sales", "Support", "Main", "Marketing", "After Hours"])} Line ${i + 1}` : null,
      sid: `PN${seededHex(rng, 32)}`,
      countryCode: e164.startsWith("+44") ? "GB" : "US",
      capabilities: { voice: true, sms, mms: sms && chance(rng, 0.7), fax: chance(rng, 0.05) },
      type,
      isDefaultNumber: i === 0,
      linkedUser,
      linkedRingAllUsers: chance(rng, 0.3) ? [pick(rng, users), pick(rng, users)] : [],
      inboundCallService: service ? { type: service, value: seededHex(rng, 22) } : null,
      forwardingNumber: service === "forward" ? seedE164(slot, 40_000 + i, "local") : null,
      isGroupConversationEnabled: sms && e164.startsWith("+1") && chance(rng, 0.4),
      addressSid: chance(rng, 0.4) ? `AD${seededHex(rng, 32)}` : null,
      bundleSid: e164.startsWith("+44") ? `BU${seededHex(rng, 32)}` : null,
      dateAdded: added,
      dateUpdated: seededDate(rng, Date.parse(added)),
      origin: pick(rng, ["twilio", "twilio", "hosted", "ported"] as const),
    };
  });

  // Pools take members from the numbers (never the default number), including a cross-held one.
  const pools: HighLevelWirePool[] = [];
  const pooledSids = new Set<string>();
  let cursor = 1;
  for (let p = 0; p < poolCount; p++) {
    const size = 3 + Math.floor(rng() * 6);
    const members = numbers.slice(cursor, cursor + size);
    cursor += size + 2;
    members.forEach((m) => pooledSids.add(m.sid));
    pools.push({
      id: seededHex(rng, 20),
      name: POOL_NAMES[(p + slot) % POOL_NAMES.length]!,
      locationId,
      numbers: members.map((m) => ({ phoneNumber: m.phoneNumber, friendlyName: m.friendlyName ?? m.phoneNumber })),
      forwardingNumber: seedE164(slot, 45_000 + p, "local"),
      whisper: p % 2 === 0,
      whisperMessage: p % 2 === 0 ? `Incoming call from ${POOL_NAMES[(p + slot) % POOL_NAMES.length]}` : "",
      callRecording: p !== 1,
      isActive: p !== poolCount - 1,
      inboundCallService: p === 0 ? { type: "voice_ai", value: seededHex(rng, 22) } : null,
    });
  }
  return { locationId, numbers, pools, pooledSids };
}
