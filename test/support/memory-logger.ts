import { pino, type Logger } from "pino";

/** A real pino logger (with the gateway's redaction) whose lines land in an array, to pass to the gateway. */
export function memoryLogger(): { logger: Logger; lines: string[]; records: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => lines.push(line) });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}
