import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { PhoneS2SAuthClient } from "@zoom/rivet/phone";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { ZoomSimulator } from "../../src/simulators/zoom/index.js";

/**
 * Zoom's official SDK (@zoom/rivet) against our simulator. Its token URL is fixed to zoom.us, so the
 * token comes from the simulator's OAuth endpoint and reaches the SDK through its tokenStore.
 */
describe("@zoom/rivet lists every number from the Zoom simulator", () => {
  const sim = new ZoomSimulator();
  let base = "";
  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());

  async function simulatorToken(): Promise<{ accessToken: string; expirationTimeIso: string; scopes: string[] }> {
    const { clientId, clientSecret, accountId } = SIM_CREDENTIALS.zoom;
    const response = await fetch(`${base}/oauth/token?grant_type=account_credentials&account_id=${accountId}`, {
      method: "POST",
      headers: { authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}` },
    });
    const body = (await response.json()) as { access_token: string; expires_in: number; scope: string; token_type: string };
    expect(body.token_type).toBe("bearer");
    return { accessToken: body.access_token, expirationTimeIso: new Date(Date.now() + body.expires_in * 1000).toISOString(), scopes: body.scope.split(" ") };
  }

  it("pages listPhoneNumbers on next_page_token to the end", async () => {
    const token = await simulatorToken();
    const client = new PhoneS2SAuthClient({
      clientId: SIM_CREDENTIALS.zoom.clientId,
      clientSecret: SIM_CREDENTIALS.zoom.clientSecret,
      accountId: SIM_CREDENTIALS.zoom.accountId,
      baseUrl: `${base}/v2`,
      disableReceiver: true,
      tokenStore: { getLatestToken: () => token, storeToken: () => undefined },
    });
    const ids: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const response = await client.endpoints.phoneNumbers.listPhoneNumbers({ query: { page_size: 100, type: "all", ...(next ? { next_page_token: next } : {}) } });
      expect(response.statusCode).toBe(200);
      ids.push(...(response.data?.phone_numbers ?? []).map((n) => n.id!));
      next = response.data?.next_page_token || undefined;
      pages += 1;
    } while (next);
    expect(ids).toEqual(sim.numbers.map((n) => n.id));
    expect(pages).toBe(Math.ceil(sim.numbers.length / 100));
  });

  it("gets the simulator's validation error for a page_size over 100", async () => {
    const token = await simulatorToken();
    const client = new PhoneS2SAuthClient({
      clientId: "x",
      clientSecret: "y",
      accountId: "z",
      baseUrl: `${base}/v2`,
      disableReceiver: true,
      tokenStore: { getLatestToken: () => token, storeToken: () => undefined },
    });
    await expect(client.endpoints.phoneNumbers.listPhoneNumbers({ query: { page_size: 300 } })).rejects.toThrow(/300|Validation/);
  });
});
