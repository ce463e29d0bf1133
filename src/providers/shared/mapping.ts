import parsePhoneNumber, { type CountryCode } from "libphonenumber-js/max";
import { logger } from "../../logger.js";
import type { Provider } from "../../model/index.js";

const reported = new Set<string>();

/**
 * Look `value` up in an explicit mapping table. An upstream value the table does not know maps to
 * `fallback` and is logged once per provider/field/value, so new upstream vocabulary shows up in
 * the logs without ever failing a request.
 */
export function mapByTable<V extends string>(provider: Provider, field: string, table: Readonly<Record<string, V>>, value: string | null | undefined, fallback: V): V {
  if (value === null || value === undefined) return fallback;
  const mapped = table[value];
  if (mapped !== undefined) return mapped;
  const key = `${provider}/${field}/${value}`;
  if (!reported.has(key)) {
    reported.add(key);
    logger.warn({ provider, field, value }, "unmapped upstream value; served as %s", fallback);
  }
  return fallback;
}

export interface ParsedNumber {
  e164: string;
  countryCode: string | null;
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
  return { e164: parsed.number, countryCode: parsed.country ?? null };
}

/** ISO date text to Date, or null when absent or unparseable. */
export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}
