import type { ProviderAccountsConfig } from "../config/config.js";
import { ButterSimulator } from "./butter/index.js";
import { SIM_CREDENTIALS } from "./credentials.js";
import type { FaultSwitches } from "./harness.js";
import { HighLevelSimulator } from "./highlevel/index.js";
import { TelnyxSimulator } from "./telnyx/index.js";
import type { TelnyxRateLimit } from "./telnyx/telnyx-rate-limit.js";
import { ZoomSimulator } from "./zoom/index.js";

export interface RunningSimulators {
  highlevel: HighLevelSimulator;
  telnyx: TelnyxSimulator;
  zoom: ZoomSimulator;
  butter: ButterSimulator;
  /** Provider configuration pointing at the simulators, with the credentials they accept. */
  accounts: ProviderAccountsConfig;
  /** The same, as the SPEC §2 environment variables. */
  env: Record<string, string>;
  /** Requests served by every simulator, e.g. `{ "TELNYX GET /v2/phone_numbers": 2 }`. */
  counts(): Record<string, number>;
  resetCounts(): void;
  resetFaults(): void;
  stop(): Promise<void>;
}

export interface SimulatorOptions {
  /** Numbers per simulated account (default `SIM_NUMBERS` or 400). */
  numbers?: number;
  faults?: Partial<FaultSwitches>;
  /** The Telnyx simulator's window (default 200 per 60 s); `SIM_TELNYX_RATE_LIMIT=<limit>/<seconds>` for `npm run simulators`. */
  telnyxRateLimit?: Partial<TelnyxRateLimit>;
}

/** Start all four simulators on free ports of 127.0.0.1. */
export async function startSimulators(options: SimulatorOptions = {}): Promise<RunningSimulators> {
  const sims = {
    highlevel: new HighLevelSimulator(options),
    telnyx: new TelnyxSimulator({ ...options, rateLimit: options.telnyxRateLimit }),
    zoom: new ZoomSimulator(options),
    butter: new ButterSimulator(options),
  };
  const [highlevel, telnyx, zoom, butter] = await Promise.all([sims.highlevel.start(), sims.telnyx.start(), sims.zoom.start(), sims.butter.start()]);
  const c = SIM_CREDENTIALS;
  const env = {
    HIGHLEVEL_TOKEN: c.highlevel.token,
    HIGHLEVEL_LOCATION_IDS: c.highlevel.locationIds.join(","),
    HIGHLEVEL_BASE_URL: highlevel,
    TELNYX_API_KEY: c.telnyx.apiKey,
    TELNYX_BASE_URL: `${telnyx}/v2`,
    ZOOM_ACCOUNT_ID: c.zoom.accountId,
    ZOOM_CLIENT_ID: c.zoom.clientId,
    ZOOM_CLIENT_SECRET: c.zoom.clientSecret,
    ZOOM_BASE_URL: `${zoom}/v2`,
    ZOOM_OAUTH_URL: `${zoom}/oauth/token`,
    BUTTER_API_KEY: c.butter.apiKey,
    BUTTER_ORGANIZATION_ID: c.butter.organizationId,
    BUTTER_BASE_URL: butter,
  };
  const all = Object.entries(sims);
  return {
    ...sims,
    env,
    accounts: {
      highlevel: [{ token: env.HIGHLEVEL_TOKEN, locationIds: [...c.highlevel.locationIds], baseUrl: env.HIGHLEVEL_BASE_URL }],
      telnyx: [{ accountId: "default", apiKey: env.TELNYX_API_KEY, baseUrl: env.TELNYX_BASE_URL }],
      zoom: [{ accountId: env.ZOOM_ACCOUNT_ID, clientId: env.ZOOM_CLIENT_ID, clientSecret: env.ZOOM_CLIENT_SECRET, baseUrl: env.ZOOM_BASE_URL, oauthUrl: env.ZOOM_OAUTH_URL }],
      butter: [{ apiKey: env.BUTTER_API_KEY, organizationId: env.BUTTER_ORGANIZATION_ID, baseUrl: env.BUTTER_BASE_URL }],
    },
    counts: () => Object.fromEntries(all.flatMap(([name, sim]) => Object.entries(sim.counts()).map(([k, n]): [string, number] => [`${name.toUpperCase()} ${k}`, n]))),
    resetCounts: () => all.forEach(([, sim]) => sim.resetCounts()),
    resetFaults: () => all.forEach(([, sim]) => sim.resetFaults()),
    stop: async () => {
      await Promise.all(all.map(([, sim]) => sim.stop()));
    },
  };
}
