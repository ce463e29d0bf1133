import { pino } from "pino";

/**
 * The one logger. Secrets are never passed to it (clients log provider, account and codes only);
 * the redact list is a second line of defence for anything header-shaped that slips in.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
  redact: {
    paths: ["*.authorization", "*.Authorization", "*.headers.authorization", "*.headers[\"x-api-key\"]", "*.apiKey", "*.token", "*.clientSecret", "*.external_pin"],
    censor: "[redacted]",
  },
});
