import { encodeGlobalId } from "./global-id.js";
import type { Provider } from "./provider.js";

/** Unified number types; `UNKNOWN` is where an upstream value has no mapping (logged once). */
export const NUMBER_TYPES = ["LOCAL", "TOLL_FREE", "MOBILE", "NATIONAL", "SHARED_COST", "UNKNOWN"] as const;
export type NumberType = (typeof NUMBER_TYPES)[number];

export const NUMBER_STATUSES = ["ACTIVE", "PENDING", "INACTIVE", "UNKNOWN"] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

export const CAPABILITIES = ["VOICE", "SMS", "MMS", "FAX", "INBOUND", "OUTBOUND"] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** `null` means the provider does not say. */
export interface CapabilitySet {
  voice: boolean | null;
  sms: boolean | null;
  mms: boolean | null;
  fax: boolean | null;
  inbound: boolean | null;
  outbound: boolean | null;
}

export const ASSIGNEE_TYPES = [
  "USER",
  "CALL_QUEUE",
  "AUTO_RECEPTIONIST",
  "COMMON_AREA",
  "EMERGENCY_NUMBER_POOL",
  "COMPANY_LOCATION",
  "MEETING_SERVICE",
  "SHARED_LINE_GROUP",
  "GROUP_CALL_PICKUP",
  "ROOM",
  "PERSONAL_LOCATION",
  "LOCAL_SURVIVABILITY",
  "TEAMS_RESOURCE_ACCOUNT",
  "DISTRIBUTION_GROUP",
  "CONTACT_CENTER",
  "AGENT",
  "VOICE_AI",
  "IVR",
  "FORWARD",
  "CONNECTION",
  "UNKNOWN",
] as const;
export type AssigneeType = (typeof ASSIGNEE_TYPES)[number];

export interface AssigneeRecord {
  /** The provider's own id of the assignee (user id, call queue id, agent id, pool id …). */
  id: string;
  name: string | null;
  type: AssigneeType;
  extensionNumber: string | null;
}

/**
 * Provider-specific fields, kept whole except secrets. `provider` discriminates the union; each
 * provider folder defines its own `details` type (the GraphQL type that serves it, as `DetailsOf`),
 * and its mapping returns `NumberRecord<ThatType>`, so a misspelled field does not compile.
 */
export interface ProviderDetails {
  provider: Provider;
}

/** A provider's details as its GraphQL class declares them, tagged with the provider. */
export type DetailsOf<T, P extends Provider> = { [K in keyof T]: T[K] } & { provider: P };

/** One phone number as one provider account holds it, in the unified model. Built once per listing. */
export interface NumberRecord<D extends ProviderDetails = ProviderDetails> {
  /** The graph's opaque id, from provider, account and `key` (see `numberRecord`). */
  id: string;
  /** Account-unique natural key the id is built from: the provider's id, or what stays the same across its APIs. */
  key: string;
  provider: Provider;
  /** The provider's own id: HighLevel sid, Telnyx id, Zoom id, Butter phon_… */
  providerId: string;
  /** HighLevel location id, Telnyx account name, Zoom account id, Butter organization id. */
  accountId: string;
  /** Normalised E.164, e.g. "+14155552671". */
  e164: string;
  displayName: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string | null;
  numberType: NumberType;
  status: NumberStatus;
  capabilities: CapabilitySet;
  assigned: boolean;
  assignee: AssigneeRecord | null;
  createdAt: Date | null;
  updatedAt: Date | null;
  details: D;
}

/** A number pool: HighLevel number pools and Zoom emergency number pools. */
export interface PoolRecord {
  id: string;
  key: string;
  provider: Provider;
  providerId: string;
  accountId: string;
  name: string;
  /** E.164 numbers of the members, as the pool lists them; joined to full records by the graph. */
  memberE164s: string[];
  forwardingNumber: string | null;
  callRecording: boolean | null;
  whisper: boolean | null;
  whisperMessage: string | null;
  isActive: boolean | null;
}

/** What a provider's mapping gives for one number: every field but the id, which follows from the key. */
export type NumberFields<D extends ProviderDetails> = Omit<NumberRecord<D>, "id" | "key"> & { key?: string };

/**
 * A mapped number as a snapshot holds it: ~220,000 of these at 50,000 numbers per provider account,
 * so its layout is chosen for memory (bench/RESULTS.md, "Snapshot memory"). Every field is assigned
 * in the constructor, in one order, so V8 keeps them all inside the object under one shared hidden
 * class (an object built by Object.assign onto `{}` spills all but four into a second array). The
 * graph id and the dates are derived on read rather than kept: an id string and two Date objects
 * were ~280 bytes a record, computing them is a few hundred nanoseconds for a record served.
 */
class MappedNumber<D extends ProviderDetails> implements NumberRecord<D> {
  readonly key: string;
  readonly provider: Provider;
  readonly providerId: string;
  readonly accountId: string;
  readonly e164: string;
  readonly displayName: string | null;
  readonly countryCode: string | null;
  readonly numberType: NumberType;
  readonly status: NumberStatus;
  capabilities: CapabilitySet;
  readonly assigned: boolean;
  assignee: AssigneeRecord | null;
  /** Epoch ms: a number field costs nothing beside a Date's ~96 bytes. */
  readonly createdAtMs: number | null;
  readonly updatedAtMs: number | null;
  readonly details: D;

  constructor(fields: NumberFields<D>) {
    this.key = fields.key ?? fields.providerId;
    this.provider = fields.provider;
    this.providerId = fields.providerId;
    this.accountId = fields.accountId;
    this.e164 = fields.e164;
    this.displayName = fields.displayName;
    this.countryCode = fields.countryCode;
    this.numberType = fields.numberType;
    this.status = fields.status;
    this.capabilities = fields.capabilities;
    this.assigned = fields.assigned;
    this.assignee = fields.assignee;
    this.createdAtMs = fields.createdAt?.getTime() ?? null;
    this.updatedAtMs = fields.updatedAt?.getTime() ?? null;
    this.details = fields.details;
  }

  get id(): string {
    return encodeGlobalId({ type: "PhoneNumber", provider: this.provider, accountId: this.accountId, key: this.key });
  }

  get createdAt(): Date | null {
    return this.createdAtMs === null ? null : new Date(this.createdAtMs);
  }

  get updatedAt(): Date | null {
    return this.updatedAtMs === null ? null : new Date(this.updatedAtMs);
  }
}

/** A mapped number; `key` defaults to the provider's own id. */
export function numberRecord<D extends ProviderDetails>(fields: NumberFields<D>): NumberRecord<D> {
  return new MappedNumber(fields);
}

/**
 * A number as a snapshot store handed it back (MessagePack keeps own fields, not the derived
 * ones): the same record again.
 */
export function revivedNumberRecord(stored: NumberRecord): NumberRecord {
  if (stored instanceof MappedNumber) return stored;
  const { createdAtMs, updatedAtMs } = stored as unknown as { createdAtMs: number | null; updatedAtMs: number | null };
  return new MappedNumber({ ...stored, createdAt: createdAtMs === null ? null : new Date(createdAtMs), updatedAt: updatedAtMs === null ? null : new Date(updatedAtMs) });
}

export function poolRecord(fields: Omit<PoolRecord, "id" | "key"> & { key?: string }): PoolRecord {
  const key = fields.key ?? fields.providerId;
  const record = Object.assign({}, fields) as PoolRecord;
  record.key = key;
  record.id = encodeGlobalId({ type: "NumberPool", provider: fields.provider, accountId: fields.accountId, key });
  return record;
}
