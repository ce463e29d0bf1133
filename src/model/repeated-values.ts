import type { NumberRecord } from "./phone-number.js";

/**
 * Shares what an account's records repeat. Every record arrives from JSON.parse with strings and
 * small objects of its own, yet an account has a few capability sets, a few connections, locations
 * and profile names, and far fewer assignees than numbers: at 50,000 numbers per account ~40 MB of
 * a snapshot's heap was copies of equal values. Equal values become one, in place and value for
 * value, so nothing a reader sees changes, nor the content hash; records are never mutated after
 * their listing, so sharing is safe.
 *
 * A listing makes one and passes each page through it as the page is mapped: the copies it drops
 * die young instead of being promoted with the page's records and collected much later, which
 * kept a cold listing's heap ~40 MB higher when the whole inventory was shared at the end.
 *
 * Which fields repeat is the providers' business, not this file's: each field (by its path in the
 * record) is watched, and one whose values turn out mostly distinct (ids, phone numbers, dates)
 * stops being looked up after a few hundred records, so unique values cost next to nothing.
 */
export class RepeatedValues {
  private readonly capabilities = new FieldValues();
  private readonly assignee = new FieldValues();
  private readonly details = new FieldValues();

  /** Share `numbers`' values with each other and with every record shared before; returns `numbers`. */
  share<N extends NumberRecord>(numbers: N[]): N[] {
    for (const n of numbers) {
      n.capabilities = this.capabilities.share(n.capabilities);
      if (n.assignee !== null) n.assignee = this.assignee.share(n.assignee);
      this.details.shareFields(n.details as unknown as Record<string, unknown>);
    }
    return numbers;
  }
}

/** Longer strings are ids, texts or dates: rarely repeated, and not worth a lookup. */
const MAX_SHARED_STRING = 64;
/** A field is judged after this many values… */
const JUDGED_AFTER = 256;
/** …and given up when more than half of them were distinct. */
const MOSTLY_DISTINCT = 0.5;

/** The values seen at one place in the records (`details.location.name`, say), and the places below it. */
class FieldValues {
  private looked = 0;
  /** By content: the string itself, or a canonical text of a small object or array; undefined once given up. */
  private first: Map<string, unknown> | undefined = new Map();
  private readonly below = new Map<string, FieldValues>();

  /** Share the values of `object`'s own fields in place, and of the plain objects it holds (in arrays too). */
  shareFields(object: Record<string, unknown>): void {
    for (const name of Object.keys(object)) {
      let field = this.below.get(name);
      if (!field) this.below.set(name, (field = new FieldValues()));
      const value = object[name];
      if (isPlainObject(value)) field.shareFields(value);
      else if (Array.isArray(value)) for (const item of value) if (isPlainObject(item)) field.shareFields(item);
      const shared = field.share(value);
      if (shared !== value) object[name] = shared;
    }
  }

  /** The first value seen here equal to `value`, or `value` itself. */
  share<T>(value: T): T {
    if (!this.first) return value;
    const key = contentKey(value);
    if (key === undefined) return value;
    this.looked++;
    const first = this.first.get(key);
    if (first !== undefined) return first as T;
    this.first.set(key, value);
    if (this.looked >= JUDGED_AFTER && this.first.size > this.looked * MOSTLY_DISTINCT) this.first = undefined;
    return value;
  }
}

/** A text equal for equal values: the string itself, or JSON of a small object or array of plain values; undefined when `value` is not worth sharing or not plain. */
function contentKey(value: unknown): string | undefined {
  if (typeof value === "string") return value.length <= MAX_SHARED_STRING ? value : undefined;
  if (value === null || typeof value !== "object" || !(Array.isArray(value) || isPlainObject(value))) return undefined;
  const parts: unknown[] = [Array.isArray(value) ? "[" : "{"];
  for (const [name, item] of Object.entries(value)) {
    // Nested objects were shared first, so equal ones are the same object: compare them by content all the same.
    if (item === undefined || (item !== null && typeof item === "object" && contentKey(item) === undefined)) return undefined;
    parts.push(name, item);
  }
  const key = JSON.stringify(parts);
  return key.length <= 16 * MAX_SHARED_STRING ? key : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype;
}
