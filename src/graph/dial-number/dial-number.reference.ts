import { normaliseDialString } from "./dial-number.resolver.js";
import type { DialNumberRecord } from "./dial-number.type.js";

/** Federation: a DialNumber entity by its `@key(fields: "e164")`, any spelling of the number; null when it is none. */
export function resolveDialNumberReference(reference: { e164: string }): DialNumberRecord | null {
  const e164 = normaliseDialString(reference.e164);
  return e164 ? { e164 } : null;
}
