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

/**
 * A mapped number with its graph id; `key` defaults to the provider's own id. Built with
 * Object.assign, not `{ ...fields, key, id }`: V8 gives every object spread-then-extended a hidden
 * class of its own (~500 bytes a record at 50,000 numbers per account), while assigned properties
 * follow shared transitions. Same properties in the same order, so the content hash is unchanged.
 */
export function numberRecord<D extends ProviderDetails>(fields: Omit<NumberRecord<D>, "id" | "key"> & { key?: string }): NumberRecord<D> {
  const key = fields.key ?? fields.providerId;
  const record = Object.assign({}, fields) as NumberRecord<D>;
  record.key = key;
  record.id = encodeGlobalId({ type: "PhoneNumber", provider: fields.provider, accountId: fields.accountId, key });
  return record;
}

export function poolRecord(fields: Omit<PoolRecord, "id" | "key"> & { key?: string }): PoolRecord {
  const key = fields.key ?? fields.providerId;
  const record = Object.assign({}, fields) as PoolRecord;
  record.key = key;
  record.id = encodeGlobalId({ type: "NumberPool", provider: fields.provider, accountId: fields.accountId, key });
  return record;
}
