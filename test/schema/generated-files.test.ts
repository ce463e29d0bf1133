import "reflect-metadata";
import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printGraphSchema } from "../../src/graph/print-schema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("files generated from the code are in step with it", () => {
  it("schema/schema.graphql is the executable schema (else: npm run emit-schema)", async () => {
    expect(readFileSync(`${root}schema/schema.graphql`, "utf8")).toBe(await printGraphSchema());
  });

  it("test/generated/operations.ts matches codegen.yml over schema/ and operations/ (else: npm run codegen)", () => {
    // Codegen's own --check: exits non-zero when regenerating would change a file.
    const run = spawnSync(`${root}node_modules/.bin/graphql-codegen`, ["--config", "codegen.yml", "--check"], { cwd: root, encoding: "utf8" });
    expect({ status: run.status, output: run.status === 0 ? "" : run.stdout + run.stderr }).toEqual({ status: 0, output: "" });
  });
});
