import parsePhoneNumber, { type CountryCode } from "libphonenumber-js/max";
import type { Logger } from "pino";
import { providerLabel, UpstreamError, type Provider } from "../../model/index.js";

export interface ParsedNumber {
  e164: string;
  countryCode: string | null;
}

/**
 * What every provider's mapping shares for one account: the account it maps for, vocabulary
 * tables that log an unknown value once, and the one error for a listed number that is no phone
 * number. A client makes one per account, with the gateway's logger.
 */
export class RecordMapper {
  private readonly reported = new Set<string>();

  constructor(
    readonly provider: Provider,
    readonly accountId: string,
    private readonly log: Logger,
  ) {}

  /**
   * Look `value` up in an explicit mapping table. An upstream value the table does not know maps to
   * `fallback` and is logged once per field and value, so new upstream vocabulary shows up in the
   * logs without ever failing a request.
   */
  byTable<V extends string>(field: string, table: Readonly<Record<string, V>>, value: string | null | undefined, fallback: V): V {
    if (value === null || value === undefined) return fallback;
    const mapped = table[value];
    if (mapped !== undefined) return mapped;
    const key = `${field}/${value}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.log.warn({ provider: this.provider, accountId: this.accountId, field, value }, "unmapped upstream value; served as %s", fallback);
    }
    return fallback;
  }

  /** The listed number in E.164; a number that is none fails the listing with UPSTREAM_BAD_RESPONSE naming the record. */
  e164(raw: string, recordId: string | null | undefined, defaultCountry?: string): ParsedNumber {
    const parsed = normaliseE164(raw, defaultCountry);
    if (parsed) return parsed;
    throw new UpstreamError(this.provider, "UPSTREAM_BAD_RESPONSE", `${providerLabel[this.provider]} listed ${recordId || "a number"} with a phone number that is not one (${JSON.stringify(raw)}).`, {
      accountId: this.accountId,
    });
  }
}

/**
 * Normalise a provider's phone number to E.164 with libphonenumber-js. Returns null when the
 * text is no phone number at all; the caller decides how to report that.
 */
export function normaliseE164(raw: string, defaultCountry?: string): ParsedNumber | null {
  const text = raw.trim();
  if (!text) return null;
  const parsed = parsePhoneNumber(text, defaultCountry as CountryCode | undefined);
  if (!parsed) return null;
  // A number listed in E.164 already keeps the provider's string: details hold it too, so it is kept once.
  return { e164: parsed.number === text ? text : parsed.number, countryCode: parsed.country ?? null };
}

/** ISO date text to Date, or null when absent or unparseable. */
export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
