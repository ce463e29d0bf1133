import { pino, type Logger } from "pino";

/**
 * The process's logger, made once by the composition root (`main.ts`) and passed to everything that
 * logs. Secrets are never passed to it (clients log provider, account and codes only); the redact
 * list is a second line of defence for anything header-shaped that slips in.
 */
export function createLogger(env: NodeJS.ProcessEnv = process.env): Logger {
  return pino({
    level: env.LOG_LEVEL ?? (env.NODE_ENV === "test" ? "silent" : "info"),
    redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" },
  });
}

export const LOG_REDACT_PATHS = ["*.authorization", "*.Authorization", "*.headers.authorization", '*.headers["x-api-key"]', "*.apiKey", "*.token", "*.clientSecret", "*.external_pin"];
