import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { printGraphSchema } from "../src/graph/print-schema.js";

/** `npm run emit-schema`: rewrite schema/schema.graphql from the code (a test fails when it is stale). */
const path = new URL("../schema/schema.graphql", import.meta.url);
writeFileSync(path, await printGraphSchema());
console.log(`wrote ${path.pathname}`);
