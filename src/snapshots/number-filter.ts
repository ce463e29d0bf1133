import type { Capability, NumberRecord, NumberStatus, NumberType, Provider } from "../model/index.js";

/**
 * A number filter, checked and normalised once per request (by the graph's input type): every
 * given condition must hold, a list matches any of its values. `providers` and `accountIds` pick
 * which snapshots are read; the rest is matched per record, once per snapshot version (memoised).
 */
export interface NumberFilter {
  providers?: Provider[];
  accountIds?: string[];
  /** Digits anywhere in the E.164 number. */
  search?: string;
  assigned?: boolean;
  numberTypes?: NumberType[];
  statuses?: NumberStatus[];
  /** ISO 3166-1 alpha-2, upper case. */
  countryCodes?: string[];
  /** Every listed capability must be true. */
  capabilities?: Capability[];
  /** Every listed capability must be unknown (null: the provider does not say). */
  unknownCapabilities?: Capability[];
  /** In at least one pool of its account (true), or in none (false). */
  inPool?: boolean;
}

const capabilityField = { VOICE: "voice", SMS: "sms", MMS: "mms", FAX: "fax", INBOUND: "inbound", OUTBOUND: "outbound" } as const;

/** Whether `filter` says anything about single records (beyond which accounts to read). */
export function filtersRecords({ providers: _p, accountIds: _a, ...rest }: NumberFilter): boolean {
  return Object.keys(rest).length > 0;
}

/** A canonical text of the record conditions, for memo keys: equal filters give equal keys. */
export function recordFilterKey({ providers: _p, accountIds: _a, ...rest }: NumberFilter): string {
  return JSON.stringify(rest, (_key, value: unknown) => (Array.isArray(value) ? [...(value as string[])].sort() : value));
}

/** `inPool` tells whether a number is in a pool of its account: the snapshot's pool index knows. */
export function matchesNumberFilter(n: NumberRecord, f: NumberFilter, inPool: (n: NumberRecord) => boolean): boolean {
  return (
    (!f.providers || f.providers.includes(n.provider)) &&
    (!f.accountIds || f.accountIds.includes(n.accountId)) &&
    // E.164 is "+" and digits, so the digits match anywhere in it as they are.
    (f.search === undefined || n.e164.includes(f.search)) &&
    (f.assigned === undefined || n.assigned === f.assigned) &&
    (!f.numberTypes || f.numberTypes.includes(n.numberType)) &&
    (!f.statuses || f.statuses.includes(n.status)) &&
    (!f.countryCodes || (n.countryCode !== null && f.countryCodes.includes(n.countryCode))) &&
    (!f.capabilities || f.capabilities.every((c) => n.capabilities[capabilityField[c]] === true)) &&
    (!f.unknownCapabilities || f.unknownCapabilities.every((c) => n.capabilities[capabilityField[c]] === null)) &&
    (f.inPool === undefined || inPool(n) === f.inPool)
  );
}
