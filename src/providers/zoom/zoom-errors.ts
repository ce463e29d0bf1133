import { zoomErrorSchema } from "./zoom-wire.js";

/** Zoom's error bodies as one line: "code 300 Validation Failed. (page_size: …)" or the OAuth reason. */
export function describeZoomError(body: unknown): string | undefined {
  const parsed = zoomErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  if (e.reason || e.error) return [e.error, e.reason].filter(Boolean).join(": ");
  const fields = e.errors?.map((f) => `${f.field}: ${f.message}`).join("; ");
  return [e.code !== undefined && `code ${e.code}`, e.message, fields && `(${fields})`].filter(Boolean).join(" ") || undefined;
}
