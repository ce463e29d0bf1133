import { afterAll, beforeAll } from "@jest/globals";
import { pino, type Logger } from "pino";
import { LOG_REDACT_PATHS } from "../../src/logger.js";
import type { ProviderAccountDeps } from "../../src/providers/provider-descriptor.js";

const sinks = new Set<string[]>();

/**
 * The logger tests inject into accounts and gateways (with the gateway's redaction): silent, unless
 * a `describe` captures its lines with `captureLogLines`.
 */
export const testLogger: Logger = pino({ level: "silent", redact: { paths: LOG_REDACT_PATHS, censor: "[redacted]" } }, { write: (line: string) => sinks.forEach((lines) => lines.push(line)) });

/** What tests pass to an account factory: the test logger. */
export const TEST_DEPS: ProviderAccountDeps = { log: testLogger };

/**
 * Every line the test logger is given (at debug) while the enclosing `describe` runs, so a test can
 * read what was said and check that no secret was written.
 */
export function captureLogLines(): string[] {
  const lines: string[] = [];
  beforeAll(() => {
    sinks.add(lines);
    testLogger.level = "debug";
  });
  afterAll(() => {
    sinks.delete(lines);
    if (sinks.size === 0) testLogger.level = "silent";
  });
  return lines;
}
