/**
 * OWASP's CSV-injection guidance: a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return is read by spreadsheets as a formula. Such text is prefixed with a single quote, which
 * spreadsheets show as text and do not evaluate; the CSV writer then quotes the cell (and doubles
 * any `"` in it) as RFC 4180 asks. Applied to text that people type at a provider (names, pool
 * names, tags, labels), never to E.164 numbers, which are checked to be "+" and digits instead.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(text: string | null | undefined): string {
  if (text === null || text === undefined) return "";
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const E164 = /^\+[1-9]\d{1,14}$/;

/** E.164 exactly as the graph serves it: "+" and up to 15 digits, so it cannot be a formula. */
export function exactE164(e164: string): string {
  if (!E164.test(e164)) throw new Error(`refusing to export ${JSON.stringify(e164)} as an E.164 number`);
  return e164;
}
