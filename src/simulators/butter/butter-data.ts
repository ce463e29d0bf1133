import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededHex, seedScale } from "../seed.js";

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

/** Seeded voice-agent numbers: mostly US locals, some toll-free, the cross-held numbers, agents on about 60 %. */
export function seedButterNumbers(count = seedScale()): ButterWirePhoneNumber[] {
  const rng = createRng(0xb07);
  const e164s = [...crossHeldFor("BUTTER")];
  for (let i = 0; e164s.length < count + crossHeldFor("BUTTER").length; i++) e164s.push(seedE164(3, i, chance(rng, 0.85) ? "local" : "toll_free"));
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
