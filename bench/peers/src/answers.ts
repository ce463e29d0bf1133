import { randomAlias } from "./load.js";

/** POST one document; the parsed answer. */
export async function ask(url: string, query: string): Promise<{ status: number; body: { data?: Record<string, unknown> | null; errors?: unknown[] } }> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as { data?: Record<string, unknown> | null; errors?: unknown[] } };
  } catch {
    return { status: response.status, body: { errors: [text.slice(0, 300)] } };
  }
}

/** Wait until the target answers the page without errors (start-up, first listing), at most `timeoutMs`. */
export async function waitUntilAnswering(name: string, url: string, query: string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const { status, body } = await ask(url, query);
      if (status === 200 && body.data && !body.errors) return;
      last = `HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer the page within ${timeoutMs / 1000} s (${last}); see bench/peers/logs/.`);
}

/**
 * The target's page as JSON text (its `data`, extensions left out), after checking that the same
 * document under a random alias answers the same records — the distinct load asks that way.
 */
export async function pageOf(name: string, url: string, query: (alias: string) => string): Promise<string> {
  const plain = await ask(url, query("page"));
  if (plain.status !== 200 || plain.body.errors || !plain.body.data) throw new Error(`${name} answered the page with HTTP ${plain.status}: ${JSON.stringify(plain.body).slice(0, 500)}`);
  const alias = randomAlias();
  const aliased = await ask(url, query(alias));
  const same = JSON.stringify(aliased.body.data?.[alias]) === JSON.stringify(plain.body.data.page);
  if (!same) throw new Error(`${name} answered the page under alias ${alias} differently from the plain page.`);
  return JSON.stringify(plain.body.data);
}

/** The first record where two answers differ, for the error message. */
export function firstDifference(a: string, b: string): string {
  const rows = (text: string) => ((JSON.parse(text) as { page?: { data?: unknown[] } }).page?.data ?? []).map((row) => JSON.stringify(row));
  const [left, right] = [rows(a), rows(b)];
  if (left.length !== right.length) return `${left.length} records against ${right.length}`;
  const i = left.findIndex((row, index) => row !== right[index]);
  return i < 0 ? "the records are equal; the wrapping differs" : `record ${i}: ${left[i]} against ${right[i]}`;
}
