import { chance, createRng, crossHeldFor, pick, seedE164, seededDate, seededDigits, seededHex, seedScale, type SeedNumberKind } from "../seed.js";

/** PhoneNumberDetailed, as telnyx-list-phone-numbers.md defines it (external_pin included: it is Telnyx's). */
export interface TelnyxWirePhoneNumber {
  id: string;
  record_type: "phone_number";
  phone_number: string;
  country_iso_alpha2: string;
  status: string;
  tags: string[];
  external_pin: string | null;
  connection_id: string | null;
  connection_name: string | null;
  customer_reference: string | null;
  messaging_profile_id: string | null;
  messaging_profile_name: string | null;
  billing_group_id: string | null;
  emergency_enabled: boolean;
  emergency_address_id: string | null;
  emergency_status: string;
  call_forwarding_enabled: boolean;
  cnam_listing_enabled: boolean;
  caller_id_name_enabled: boolean;
  call_recording_enabled: boolean;
  t38_fax_gateway_enabled: boolean;
  purchased_at: string;
  created_at: string;
  updated_at: string;
  phone_number_type: string;
  inbound_call_screening: string;
  hd_voice_enabled: boolean;
  source_type: "number_order" | "port_request" | null;
  deletion_lock_enabled: boolean;
}

export type TelnyxUsagePaymentMethod = "pay-per-minute" | "channel";

/** Every status PhoneNumberDetailed.status lists. */
export const TELNYX_STATUSES = [
  "purchase-pending",
  "purchase-failed",
  "port-pending",
  "port-failed",
  "active",
  "deleted",
  "emergency-only",
  "ported-out",
  "port-out-pending",
  "requirement-info-pending",
  "requirement-info-under-review",
  "requirement-info-exception",
  "provision-pending",
] as const;

/** Every phone_number_type, legacy values (bought before July 2023) included. */
export const TELNYX_NUMBER_TYPES = ["local", "toll_free", "mobile", "national", "shared_cost", "landline", "tollfree", "shortcode", "longcode"] as const;

/** Wire type → the seed kind that makes a number of that kind, and its share of the inventory. */
const TYPE_MIX: [(typeof TELNYX_NUMBER_TYPES)[number], SeedNumberKind, number][] = [
  ["local", "local", 0.5],
  ["toll_free", "toll_free", 0.12],
  ["mobile", "mobile", 0.1],
  ["national", "national", 0.08],
  ["shared_cost", "shared_cost", 0.05],
  ["landline", "local_gb", 0.05],
  ["tollfree", "toll_free", 0.04],
  ["longcode", "local", 0.04],
  // A legacy label on a long number (short codes proper live in /short_codes, not in this list).
  ["shortcode", "local", 0.02],
];

const CONNECTIONS = [
  { id: "1293384261075731401", name: "main-sip-trunk" },
  { id: "1293384261075731402", name: "support-call-center" },
  { id: "1293384261075731403", name: "test-lab-connection" },
  { id: "1293384261075731404", name: "emea-credential-conn" },
];
const PROFILES = [
  { id: "abc85f64-5717-4562-b3fc-2c9600000001", name: "regional-customers" },
  { id: "abc85f64-5717-4562-b3fc-2c9600000002", name: "marketing-sms" },
];

export interface TelnyxSeed {
  numbers: TelnyxWirePhoneNumber[];
  /**
   * The voice setting `filter[voice.usage_payment_method]` and `sort=usage_payment_method` read.
   * Telnyx keeps it in the number's voice settings, not in PhoneNumberDetailed, so it is held apart.
   */
  usagePaymentMethods: Map<string, TelnyxUsagePaymentMethod>;
}

/**
 * `count` seeded numbers plus the cross-held ones. The first rows carry every status and every
 * type, so even a small seed covers the vocabulary; the rest are mostly active.
 */
export function seedTelnyxNumbers(count = seedScale()): TelnyxSeed {
  const rng = createRng(0x7e1);
  const counters = new Map<SeedNumberKind, number>();
  const next = (kind: SeedNumberKind) => {
    const n = counters.get(kind) ?? 0;
    counters.set(kind, n + 1);
    return seedE164(1, n, kind);
  };
  const rows: { e164: string; type: string }[] = crossHeldFor("TELNYX").map((e164) => ({ e164, type: "local" }));
  for (let i = 0; i < count; i++) {
    let roll = rng();
    const [type, kind] = i < TYPE_MIX.length ? TYPE_MIX[i]! : (TYPE_MIX.find(([, , share]) => (roll -= share) < 0) ?? TYPE_MIX[0]!);
    rows.push({ e164: next(kind), type });
  }
  const usagePaymentMethods = new Map<string, TelnyxUsagePaymentMethod>();
  const numbers = rows.map(({ e164, type }, i): TelnyxWirePhoneNumber => {
    const status = i < TELNYX_STATUSES.length ? TELNYX_STATUSES[i]! : chance(rng, 0.85) ? "active" : pick(rng, TELNYX_STATUSES);
    const connection = chance(rng, 0.7) ? pick(rng, CONNECTIONS) : null;
    const profile = chance(rng, 0.5) ? pick(rng, PROFILES) : null;
    const created = seededDate(rng);
    const emergency = chance(rng, 0.3);
    // 19 digits, unique, within int64 like Telnyx's numeric string ids.
    const id = String(1293384261075731499n + BigInt(i) * 104_729_000_003n);
    usagePaymentMethods.set(id, chance(rng, 0.7) ? "pay-per-minute" : "channel");
    return {
      id,
      record_type: "phone_number",
      phone_number: e164,
      country_iso_alpha2: e164.startsWith("+44") ? "GB" : "US",
      status,
      tags: chance(rng, 0.4) ? [pick(rng, ["sales", "support", "marketing", "vip", "@ops"])] : [],
      external_pin: chance(rng, 0.5) ? seededDigits(rng, 4) : null,
      connection_id: connection?.id ?? null,
      connection_name: connection?.name ?? null,
      customer_reference: chance(rng, 0.3) ? `REF-${seededDigits(rng, 4)}` : null,
      messaging_profile_id: profile?.id ?? null,
      messaging_profile_name: profile?.name ?? null,
      billing_group_id: chance(rng, 0.2) ? `86f58db9-0fe3-4adc-9d1f-${seededHex(rng, 12)}` : null,
      emergency_enabled: emergency,
      emergency_address_id: emergency ? seededDigits(rng, 19).replace(/^./, "1") : null,
      emergency_status: emergency ? "active" : pick(rng, ["disabled", "disabled", "provisioning", "deprovisioning", "provisioning-failed"]),
      call_forwarding_enabled: chance(rng, 0.8),
      cnam_listing_enabled: chance(rng, 0.3),
      caller_id_name_enabled: chance(rng, 0.5),
      call_recording_enabled: chance(rng, 0.2),
      t38_fax_gateway_enabled: chance(rng, 0.1),
      purchased_at: created,
      created_at: created,
      updated_at: seededDate(rng, Date.parse(created)),
      phone_number_type: type,
      inbound_call_screening: pick(rng, ["disabled", "disabled", "reject_calls", "flag_calls"]),
      hd_voice_enabled: chance(rng, 0.5),
      source_type: pick(rng, ["number_order", "number_order", "port_request", null] as const),
      deletion_lock_enabled: chance(rng, 0.1),
    };
  });
  return { numbers, usagePaymentMethods };
}
