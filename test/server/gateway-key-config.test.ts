import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runMain } from "../support/main-process.js";

/** SPEC §5 keys, parsed strictly at start-up: each mistake stops the gateway with one line naming the entry, never the key. */
describe("NUMBERGRAPH_API_KEYS and the config file's apiKeys at start-up", () => {
  const file = join(mkdtempSync(join(tmpdir(), "numbergraph-keys-")), "config.json");
  writeFileSync(file, JSON.stringify({ apiKeys: [{ key: "file-key:x", scopes: ["TELNYX"] }] }));
  const dupFile = join(mkdtempSync(join(tmpdir(), "numbergraph-keys-")), "config.json");
  writeFileSync(dupFile, JSON.stringify({ apiKeys: [{ key: "wall-5e6f", scopes: ["TELNYX"] }] }));

  const cases: [string, NodeJS.ProcessEnv, RegExp, string][] = [
    [
      "a comma where a space belongs",
      { NUMBERGRAPH_API_KEYS: "wall-5e6f:HIGHLEVEL/sim-loc-main,TELNYX,ops-91bc:*" },
      /NUMBERGRAPH_API_KEYS entry 1 has 2 ":" in it; a key may not contain ":", and entries are separated by spaces, not commas/,
      "wall-5e6f",
    ],
    ["a ':' inside a key", { NUMBERGRAPH_API_KEYS: "TELNYX:ab12:cd34:TELNYX" }, /NUMBERGRAPH_API_KEYS entry 1 has 3 ":"/, "ab12"],
    ["a duplicate key", { NUMBERGRAPH_API_KEYS: "wall-5e6f:TELNYX cafe-1234:ZOOM wall-5e6f:*" }, /NUMBERGRAPH_API_KEYS entry 3 repeats the key of NUMBERGRAPH_API_KEYS entry 1/, "wall-5e6f"],
    [
      "a scope that matches no account (demo mode: the simulators' accounts)",
      { NUMBERGRAPH_API_KEYS: "ops-91bc:* wall-5e6f:TELNYX,HIGHLEVEL/sim-loc-mian" },
      /NUMBERGRAPH_API_KEYS entry 2: scope HIGHLEVEL\/sim-loc-mian matches no configured account \(configured for HIGHLEVEL: HIGHLEVEL\/sim-loc-main, /,
      "wall-5e6f",
    ],
    ["a ':' inside a config-file key", { NUMBERGRAPH_CONFIG: file }, /NUMBERGRAPH_CONFIG apiKeys\[0\]: the key contains ":"/, "file-key"],
    ["the same key in the variable and the file", { NUMBERGRAPH_API_KEYS: "wall-5e6f:*", NUMBERGRAPH_CONFIG: dupFile }, /NUMBERGRAPH_CONFIG apiKeys\[0\] repeats the key of NUMBERGRAPH_API_KEYS entry 1/, "wall-5e6f"],
  ];

  it.each(cases)("refuses %s", async (_name, env, message, key) => {
    const run = await runMain({ NODE_ENV: "development", ...env });
    expect(run.code).toBe(1);
    const lines = (run.stderr + run.stdout).trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^numbergraph: configuration error: /);
    expect(lines[0]).toMatch(message);
    expect(lines[0]).not.toContain(key);
  });
});
