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
  /** Not on the wire: the voice usage payment method, for `filter[voice.usage_payment_method]`. */
  usage_payment_method: "pay-per-minute" | "channel";
}

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

/** Wire type → which seed kind makes a number that fits it. */
const TYPES: [string, SeedNumberKind, number][] = [
  ["local", "local", 0.5],
  ["toll_free", "toll_free", 0.12],
  ["mobile", "mobile", 0.1],
  ["national", "national", 0.08],
  ["shared_cost", "shared_cost", 0.05],
  ["landline", "local_gb", 0.05],
  ["tollfree", "toll_free", 0.04],
  ["longcode", "local", 0.04],
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

export function seedTelnyxNumbers(count = seedScale()): TelnyxWirePhoneNumber[] {
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
    const [type, kind] = TYPES.find(([, , share]) => (roll -= share) < 0) ?? TYPES[0]!;
    rows.push({ e164: next(kind), type });
  }
  return rows.map(({ e164, type }, i) => {
    const status = i < TELNYX_STATUSES.length ? TELNYX_STATUSES[i]! : chance(rng, 0.85) ? "active" : pick(rng, TELNYX_STATUSES);
    const connection = chance(rng, 0.7) ? pick(rng, CONNECTIONS) : null;
    const profile = chance(rng, 0.5) ? pick(rng, PROFILES) : null;
    const created = seededDate(rng);
    const emergency = chance(rng, 0.3);
    return {
      id: `13${seededDigits(rng, 15)}${String(i).padStart(2, "0")}`,
      record_type: "phone_number",
      phone_number: e164,
      country_iso_alpha2: e164.startsWith("+44") ? "GB" : "US",
      status,
      tags: chance(rng, 0.4) ? [pick(rng, ["sales", "support", "marketing", "vip"])] : [],
      external_pin: chance(rng, 0.5) ? seededDigits(rng, 4) : null,
      connection_id: connection?.id ?? null,
      connection_name: connection?.name ?? null,
      customer_reference: chance(rng, 0.3) ? `REF-${seededDigits(rng, 4)}` : null,
      messaging_profile_id: profile?.id ?? null,
      messaging_profile_name: profile?.name ?? null,
      billing_group_id: chance(rng, 0.2) ? `86f58db9-0fe3-4adc-9d1f-${seededHex(rng, 12)}` : null,
      emergency_enabled: emergency,
      emergency_address_id: emergency ? seededDigits(rng, 19) : null,
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
      usage_payment_method: chance(rng, 0.7) ? "pay-per-minute" : "channel",
    };
  });
}
