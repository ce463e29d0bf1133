import "reflect-metadata";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIM_CREDENTIALS } from "../../src/simulators/credentials.js";
import { HIGHLEVEL_SIM_APP, HighLevelSimulator } from "../../src/simulators/highlevel/index.js";

const [MAIN, BRANCH] = SIM_CREDENTIALS.highlevel.locationIds as unknown as [string, string];
const FORM = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
const app = { client_id: HIGHLEVEL_SIM_APP.clientId, client_secret: HIGHLEVEL_SIM_APP.clientSecret };

describe("HighLevel simulator: the OAuth endpoints as highlevel-oauth.md describes them", () => {
  const clock = { now: 1_000_000 };
  const sim = new HighLevelSimulator({ numbers: 20, oauth: { accessTokenTtlSeconds: 60 }, now: () => clock.now });
  let base: string;
  beforeAll(async () => {
    base = await sim.start();
  });
  afterAll(() => sim.stop());

  const trade = async (fields: Record<string, string>, headers: Record<string, string> = FORM) => {
    const response = await fetch(`${base}/oauth/token`, { method: "POST", headers, body: new URLSearchParams(fields).toString() });
    return { status: response.status, body: (await response.json()) as any };
  };
  const refresh = (refreshToken: string) => trade({ ...app, grant_type: "refresh_token", refresh_token: refreshToken });
  const numbers = async (locationId: string, accessToken: string) => {
    const response = await fetch(`${base}/phone-system/numbers/location/${locationId}?pageSize=5`, { headers: { authorization: `Bearer ${accessToken}`, version: "2021-07-28" } });
    return { status: response.status, body: (await response.json()) as any };
  };
  const mint = async (companyToken: string, form: Record<string, string>, version = "2021-07-28") => {
    const response = await fetch(`${base}/oauth/locationToken`, { method: "POST", headers: { ...FORM, authorization: `Bearer ${companyToken}`, version }, body: new URLSearchParams(form).toString() });
    return { status: response.status, body: (await response.json()) as any };
  };

  it("trades a Location refresh token for an access token and a new refresh token, and retires the one it used", async () => {
    const first = sim.oauth.install({ locationId: MAIN });
    const traded = await refresh(first);
    expect(traded.status).toBe(200);
    expect(traded.body).toMatchObject({ token_type: "Bearer", expires_in: 60, userType: "Location", locationId: MAIN, companyId: HIGHLEVEL_SIM_APP.companyId, isBulkInstallation: false });
    expect(traded.body.refresh_token).not.toBe(first);
    expect([sim.oauth.isCurrent(first), sim.oauth.isCurrent(traded.body.refresh_token)]).toEqual([false, true]);
    expect((await numbers(MAIN, traded.body.access_token)).status).toBe(200);
    // A Location token reaches its own location only.
    expect((await numbers(BRANCH, traded.body.access_token)).status).toBe(403);

    const before = sim.oauth.counters.retiredRefreshTokenPresented;
    const reused = await refresh(first);
    expect(reused).toEqual({ status: 400, body: { statusCode: 400, message: "Invalid grant: refresh token is invalid" } });
    expect(sim.oauth.counters.retiredRefreshTokenPresented).toBe(before + 1);
    // The new one still works, once.
    expect((await refresh(traded.body.refresh_token)).status).toBe(200);
  });

  it("expires access tokens after expires_in with HighLevel's 401 body, and counts the expired ones presented", async () => {
    const { body } = await refresh(sim.oauth.install({ locationId: MAIN }));
    clock.now += 59_000;
    expect((await numbers(MAIN, body.access_token)).status).toBe(200);
    clock.now += 1_000;
    const before = sim.oauth.counters.expiredAccessTokenPresented;
    expect(await numbers(MAIN, body.access_token)).toEqual({ status: 401, body: { statusCode: 401, message: "Invalid token: access token is invalid", error: "Unauthorized" } });
    expect(sim.oauth.counters.expiredAccessTokenPresented).toBe(before + 1);
    // The old access token stays valid until its own expiry after a trade (not published; the doc's suggestion).
    const again = await refresh(body.refresh_token);
    expect((await numbers(MAIN, again.body.access_token)).status).toBe(200);
  });

  it("answers a revoked (uninstalled) or unknown refresh token with Invalid grant in HighLevel's envelope, not RFC 6749's", async () => {
    const token = sim.oauth.install({ locationId: MAIN });
    sim.oauth.revoke(token);
    const refused = await refresh(token);
    expect(refused).toEqual({ status: 400, body: { statusCode: 400, message: "Invalid grant: refresh token is invalid" } });
    expect(refused.body).not.toHaveProperty("error");
    expect((await refresh("not-a-token")).body.message).toBe("Invalid grant: refresh token is invalid");
  });

  it("answers 'Location is not active' for a paused location and keeps its refresh token usable for when it is active again", async () => {
    const token = sim.oauth.install({ locationId: BRANCH });
    sim.oauth.setLocationActive(BRANCH, false);
    expect(await refresh(token)).toEqual({ status: 400, body: { statusCode: 400, message: "Location is not active" } });
    expect(sim.oauth.isCurrent(token)).toBe(true);
    sim.oauth.setLocationActive(BRANCH, true);
    expect((await refresh(token)).status).toBe(200);
  });

  it("names a missing or wrong parameter, refuses a wrong client and a JSON body", async () => {
    const token = sim.oauth.install({ locationId: MAIN });
    expect((await trade({ client_id: app.client_id, grant_type: "refresh_token", refresh_token: token })).body).toEqual({ statusCode: 400, message: "Missing parameter: client_secret" });
    expect((await trade({ ...app, grant_type: "password" })).body).toEqual({ statusCode: 400, message: "Invalid parameter: grant_type" });
    expect(await trade({ ...app, client_secret: "wrong", grant_type: "refresh_token", refresh_token: token })).toMatchObject({ status: 401, body: { statusCode: 401, error: "Unauthorized" } });
    const json = await fetch(`${base}/oauth/token`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...app, grant_type: "refresh_token", refresh_token: token }) });
    expect([json.status, ((await json.json()) as any).statusCode]).toEqual([422, 422]);
    // None of these spent the token.
    expect(sim.oauth.isCurrent(token)).toBe(true);
  });

  it("mints approved locations' tokens from a Company token at /oauth/locationToken, which the phone endpoints need", async () => {
    const company = await refresh(sim.oauth.install({ approvedLocations: [MAIN, BRANCH] }));
    expect(company.body).toMatchObject({ userType: "Company", companyId: HIGHLEVEL_SIM_APP.companyId, approvedLocations: [MAIN, BRANCH], isBulkInstallation: true });
    expect(company.body).not.toHaveProperty("locationId");
    const agency = company.body.access_token as string;
    // Phone-system endpoints are Location-Access: the Company token itself is refused.
    expect((await numbers(MAIN, agency)).status).toBe(401);
    const minted = await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: BRANCH });
    expect(minted.status).toBe(200);
    expect(minted.body).toMatchObject({ token_type: "Bearer", expires_in: 60, locationId: BRANCH, appId: HIGHLEVEL_SIM_APP.clientId.split("-")[0] });
    expect(minted.body).not.toHaveProperty("refresh_token");
    expect((await numbers(BRANCH, minted.body.access_token)).status).toBe(200);
    expect((await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: "sim-loc-empty" })).body).toEqual({ statusCode: 400, message: "The app is not installed on this location" });
    expect((await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId })).body).toEqual({ statusCode: 400, message: "Missing parameter: locationId" });
    expect((await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: MAIN }, "2023-02-21")).status).toBe(400);
    expect((await mint(minted.body.access_token, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: MAIN })).status).toBe(401);
    sim.oauth.setLocationActive(MAIN, false);
    expect((await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: MAIN })).body).toEqual({ statusCode: 400, message: "Location is not active" });
    sim.oauth.setLocationActive(MAIN, true);
    sim.oauth.locationTokenRefreshToken = true;
    expect((await mint(agency, { companyId: HIGHLEVEL_SIM_APP.companyId, locationId: MAIN })).body.refresh_token).toEqual(expect.any(String));
    sim.oauth.locationTokenRefreshToken = false;
    expect(sim.oauth.counters.locationTokens).toBe(2);
  });

  it("keeps OAuth calls out of the API's rate-limit budget and fault switches", async () => {
    const token = sim.oauth.install({ locationId: MAIN });
    sim.setFaults({ failureRate: 1 });
    try {
      const traded = await refresh(token);
      expect(traded.status).toBe(200);
    } finally {
      sim.resetFaults();
    }
  });
});
