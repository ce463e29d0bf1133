import { describe, expect, it } from "@jest/globals";
import { loadConfig } from "../../src/config/config.js";

describe("NUMBERGRAPH_IDE", () => {
  it("is undefined when unset (the IDE then follows introspection), else true or false", () => {
    expect(loadConfig({}).ide).toBeUndefined();
    expect(loadConfig({ NUMBERGRAPH_IDE: "false" }).ide).toBe(false);
    expect(loadConfig({ NUMBERGRAPH_IDE: "TRUE" }).ide).toBe(true);
  });

  it("names the variable and the values it takes when set to anything else", () => {
    expect(() => loadConfig({ NUMBERGRAPH_IDE: "off" })).toThrow('NUMBERGRAPH_IDE must be true or false; got "off".');
  });
});
