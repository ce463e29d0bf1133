import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededHex, seedScale, type Rng, type SeedNumberKind } from "../seed.js";

/** One phone number summary as Butter's `GET /api/phone-numbers` lists it. */
export interface ButterWirePhoneNumber {
  phone_number_id: string;
  phone_number: string;
  provider: string;
  status: "free" | "assigned";
  supports_inbound: boolean;
  supports_outbound: boolean;
  assigned_agent_id: string | null;
  created_at: string;
}

const CARRIERS = ["twilio", "twilio", "sip", "telnyx", "vonage"] as const;

/** Which numbers a voice-agent organisation brings: mostly US, some UK and French lines via SIP trunks. */
type ButterNumberKind = SeedNumberKind | "shared_cost_fr";
const KIND_SHARES: ReadonlyArray<readonly [ButterNumberKind, number]> = [
  ["local", 0.68],
  ["toll_free", 0.12],
  ["mobile", 0.06],
  ["local_gb", 0.05],
  ["national", 0.03],
  ["shared_cost_fr", 0.03],
  ["shared_cost", 0.03], // +44 845…: libphonenumber calls these premium rate
];

function pickKind(rng: Rng): ButterNumberKind {
  let roll = rng();
  for (const [kind, share] of KIND_SHARES) {
    if (roll < share) return kind;
    roll -= share;
  }
  return "local";
}

/** French 0810 shared-cost numbers; the shared seed makes none, and no other simulator uses +33. */
function sharedCostFr(index: number): string {
  return `+338103${String(index % 100_000).padStart(5, "0")}`;
}

/**
 * Seeded voice-agent numbers: the cross-held numbers first, then `count` numbers of every kind
 * above, agents on about 60 %, inbound-only and outbound-only lines among them.
 */
export function seedButterNumbers(count = seedScale()): ButterWirePhoneNumber[] {
  const rng = createRng(0xb07);
  const e164s = [...crossHeldFor("BUTTER")];
  const next = new Map<ButterNumberKind, number>();
  for (let i = 0; i < count; i++) {
    const kind = pickKind(rng);
    const index = next.get(kind) ?? 0;
    next.set(kind, index + 1);
    e164s.push(kind === "shared_cost_fr" ? sharedCostFr(index) : seedE164(3, index, kind));
  }
  const agents = Array.from({ length: 24 }, () => `agent_${seededHex(rng, 12)}`);
  return e164s.map((phone, i) => {
    const assigned = chance(rng, 0.6);
    const direction = rng();
    return {
      phone_number_id: `phon_${seededHex(rng, 12)}${i.toString(16).padStart(4, "0")}`,
      phone_number: phone,
      provider: pick(rng, CARRIERS),
      status: assigned ? "assigned" : "free",
      supports_inbound: direction < 0.9,
      supports_outbound: direction > 0.1,
      assigned_agent_id: assigned ? pick(rng, agents) : null,
      created_at: seededDate(rng),
    };
  });
}
