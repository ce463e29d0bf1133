import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { PhoneS2SAuthClient } from "@zoom/rivet/phone";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { ZoomSimulator } from "../../src/simulators/zoom/index.js";

interface SdkToken {
  accessToken: string;
  expirationTimeIso: string;
  scopes: string[];
}

/**
 * The SDK's S2S auth object. Its token URL is the constant https://zoom.us/oauth/token, so the grant
 * is sent to our simulator the way `makeOAuthTokenRequest` builds it, and the answer goes through
 * the SDK's own shape check and mapping into the token store the client reads.
 */
interface SdkS2SAuth {
  getBasicAuthorization(): string;
  assertRawToken(raw: unknown): void;
  mapAccessToken(raw: unknown): SdkToken;
}

/** Zoom's official SDK (@zoom/rivet) against our simulator. */
describe("@zoom/rivet lists every number from the Zoom simulator", () => {
  const sim = new ZoomSimulator();
  let base = "";
  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());

  function sdkClient(credentials: { clientId: string; clientSecret: string; accountId: string } = SIM_CREDENTIALS.zoom) {
    let stored: SdkToken | undefined;
    const client = new PhoneS2SAuthClient({
      ...credentials,
      baseUrl: `${base}/v2`,
      disableReceiver: true,
      tokenStore: { getLatestToken: () => stored, storeToken: (token: SdkToken) => void (stored = token) },
    });
    const auth = (client as unknown as { auth: SdkS2SAuth }).auth;
    return {
      client,
      /** The SDK's grant (Basic client credentials, form-encoded account_credentials), sent to the simulator. */
      async signIn() {
        const response = await fetch(`${base}/oauth/token`, {
          method: "POST",
          headers: { authorization: `Basic ${auth.getBasicAuthorization()}`, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ grant_type: "account_credentials", account_id: credentials.accountId }).toString(),
        });
        const raw: unknown = await response.json();
        if (!response.ok) return { status: response.status, raw };
        auth.assertRawToken(raw);
        stored = auth.mapAccessToken(raw);
        return { status: response.status, raw };
      },
    };
  }

  it("pages listPhoneNumbers on next_page_token to the end with a token the SDK accepted", async () => {
    const { client, signIn } = sdkClient();
    expect(await signIn()).toMatchObject({ status: 200, raw: { token_type: "bearer", expires_in: 3600 } });
    const numbers: { id?: string; number?: string }[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const response = await client.endpoints.phoneNumbers.listPhoneNumbers({ query: { page_size: 100, type: "all", ...(next ? { next_page_token: next } : {}) } });
      expect(response.statusCode).toBe(200);
      expect(response.data?.total_records).toBe(sim.numbers.length);
      numbers.push(...(response.data?.phone_numbers ?? []));
      next = response.data?.next_page_token || undefined;
      pages += 1;
    } while (next);
    expect(numbers.map((n) => [n.id, n.number])).toEqual(sim.numbers.map((n) => [n.id, n.number]));
    expect(pages).toBe(Math.ceil(sim.numbers.length / 100));
    expect(sim.counts()).toEqual({ "POST /oauth/token": 1, "GET /v2/phone/numbers": pages });
  });

  it("passes the SDK's typed filters through: assigned numbers of one extension type", async () => {
    const { client, signIn } = sdkClient();
    await signIn();
    const response = await client.endpoints.phoneNumbers.listPhoneNumbers({ query: { type: "assigned", extension_type: "callQueue", page_size: 100 } });
    expect(response.data?.phone_numbers?.map((n) => n.id)).toEqual(sim.numbers.filter((n) => n.assignee?.type === "callQueue").map((n) => n.id));
  });

  it("surfaces the simulator's Zoom error bodies as the SDK's ApiResponseError", async () => {
    const { client, signIn } = sdkClient();
    await signIn();
    await expect(client.endpoints.phoneNumbers.listPhoneNumbers({ query: { page_size: 300 } })).rejects.toThrow('[400/300]: "Validation Failed."');
    await expect(client.endpoints.phoneNumbers.listPhoneNumbers({ query: { next_page_token: "forged" } })).rejects.toThrow('[400/300]: "The next page token is invalid or expired."');
    sim.setFaults({ rateLimitNext: 1 });
    await expect(client.endpoints.phoneNumbers.listPhoneNumbers({ query: {} })).rejects.toThrow("[429/429]");

    const wrong = sdkClient({ ...SIM_CREDENTIALS.zoom, clientSecret: "not-the-secret" });
    expect(await wrong.signIn()).toEqual({ status: 401, raw: { reason: "Invalid client_id or client_secret", error: "invalid_client" } });
  });
});
