import { afterAll, beforeAll } from "@jest/globals";
import { pino } from "pino";
import { logger } from "../../src/logger.js";

/**
 * Every line the gateway logs (at debug) while the enclosing `describe` runs, so a test can read what was said and
 * check that no secret was written. The logger's own stream and level come back afterwards.
 */
export function captureLogLines(): string[] {
  const lines: string[] = [];
  const target = logger as unknown as Record<symbol, unknown>;
  let stream: unknown;
  let level: string;
  beforeAll(() => {
    stream = target[pino.symbols.streamSym];
    level = logger.level;
    target[pino.symbols.streamSym] = { write: (line: string) => lines.push(line) };
    logger.level = "debug";
  });
  afterAll(() => {
    target[pino.symbols.streamSym] = stream;
    logger.level = level;
  });
  return lines;
}
