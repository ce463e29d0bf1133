/**
 * Deterministic building blocks for the simulators' seeded data: a PRNG, unique valid-looking E.164
 * numbers per simulator "slot", and the numbers held at two providers at once.
 */

export type Rng = () => number;

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

export function chance(rng: Rng, probability: number): boolean {
  return rng() < probability;
}

/** A fixed timestamp so seeded data never depends on the day it was generated. */
export function seededDate(rng: Rng, from = Date.UTC(2019, 0, 1), to = Date.UTC(2025, 6, 1)): string {
  return new Date(from + Math.floor((rng() * (to - from)) / 1000) * 1000).toISOString();
}

export function seededHex(rng: Rng, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(rng() * 16).toString(16);
  return out;
}

export function seededDigits(rng: Rng, length: number): string {
  let out = String(1 + Math.floor(rng() * 9));
  while (out.length < length) out += Math.floor(rng() * 10).toString();
  return out;
}

/**
 * Slots keep each simulator's numbers apart. HighLevel's two locations take 0 and 4; Telnyx 1;
 * Zoom 2; Butter 3; 9 is reserved for the cross-held numbers below.
 */
export type Slot = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type SeedNumberKind = "local" | "toll_free" | "mobile" | "national" | "shared_cost" | "local_gb";

const US_AREAS = ["415", "212", "312", "646", "702", "305", "206", "617", "512", "303"] as const;

/**
 * The `index`-th number of a kind for a slot: unique across slots, kinds and indexes (up to 50,000
 * per slot and kind), and valid for its country, so any phone-number library parses it.
 */
export function seedE164(slot: Slot, index: number, kind: SeedNumberKind): string {
  const line4 = (n: number) => String(n % 10_000).padStart(4, "0");
  const line6 = (n: number) => String(n % 1_000_000).padStart(6, "0");
  switch (kind) {
    case "local": {
      const area = US_AREAS[index % US_AREAS.length];
      const rest = Math.floor(index / US_AREAS.length);
      return `+1${area}${201 + slot * 100 + Math.floor(rest / 10_000)}${line4(rest)}`;
    }
    case "toll_free": {
      const area = ["800", "888", "877", "866", "855"][index % 5];
      const rest = Math.floor(index / 5);
      return `+1${area}${201 + slot * 100 + Math.floor(rest / 10_000)}${line4(rest)}`;
    }
    case "mobile":
      return `+447400${slot}${String(index % 100_000).padStart(5, "0")}`;
    case "national":
      return `+44330${slot}${line6(index)}`;
    case "shared_cost":
      return `+44845${slot}${line6(index)}`;
    case "local_gb":
      return `+44207${slot}${line6(index)}`;
  }
}

export type SeedProvider = "HIGHLEVEL" | "TELNYX" | "ZOOM" | "BUTTER";

/** E.164 numbers held at two providers at once (ported, or a carrier number also in the CRM). */
export const CROSS_HELD: ReadonlyArray<{ e164: string; holders: readonly [SeedProvider, SeedProvider] }> = [
  ...[0, 1, 2, 3].map((i) => ({ e164: `+1415901${String(i).padStart(4, "0")}`, holders: ["HIGHLEVEL", "TELNYX"] as const })),
  ...[4, 5, 6].map((i) => ({ e164: `+1212901${String(i).padStart(4, "0")}`, holders: ["TELNYX", "ZOOM"] as const })),
  ...[7, 8, 9].map((i) => ({ e164: `+1312901${String(i).padStart(4, "0")}`, holders: ["ZOOM", "BUTTER"] as const })),
  ...[10, 11].map((i) => ({ e164: `+1646901${String(i).padStart(4, "0")}`, holders: ["HIGHLEVEL", "BUTTER"] as const })),
];

/** The cross-held numbers one provider's simulator must include. */
export function crossHeldFor(provider: SeedProvider): string[] {
  return CROSS_HELD.filter((n) => n.holders.includes(provider)).map((n) => n.e164);
}

/** Default inventory size per simulated account; `SIM_NUMBERS` (up to 50,000) overrides it. */
export function seedScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SIM_NUMBERS;
  if (!raw) return 400;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 50_000) throw new Error(`SIM_NUMBERS must be a whole number from 1 to 50000; got ${JSON.stringify(raw)}.`);
  return n;
}
