import { ConfigError } from "./config-error.js";

/** The environment as the gateway reads it: a variable set to nothing (or spaces) counts as unset. */
export interface EnvReader {
  read: (name: string) => string | undefined;
  /**
   * All of `names` set (returned), or none (undefined); anything between is a ConfigError naming the
   * missing ones. `optional` variables set without the credentials are a ConfigError too.
   */
  allOrNone<N extends string>(names: readonly N[], ...optional: string[]): Record<N, string> | undefined;
  /** `name` as an http(s) URL (or `fallback`), without a trailing slash; a ConfigError names the variable. */
  url(name: string, fallback?: string, protocols?: readonly string[]): string;
}

export function envReader(env: NodeJS.ProcessEnv): EnvReader {
  const read = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const is = (n: number) => (n > 1 ? "are" : "is");
  return {
    read,
    allOrNone<N extends string>(names: readonly N[], ...optional: string[]) {
      const missing = names.filter((n) => read(n) === undefined);
      if (missing.length === names.length) {
        const stray = optional.filter((n) => read(n) !== undefined);
        if (stray.length) throw new ConfigError(`${stray.join(", ")} ${is(stray.length)} set but ${names.join(", ")} ${is(names.length)} not; set the credentials or unset ${stray.join(", ")}.`);
        return undefined;
      }
      if (missing.length) {
        const present = names.filter((n) => !missing.includes(n));
        throw new ConfigError(`${missing.join(", ")} ${is(missing.length)} not set, but ${present.join(", ")} ${is(present.length)}; a provider needs all of ${names.join(", ")}.`);
      }
      return Object.fromEntries(names.map((n) => [n, read(n)!])) as Record<N, string>;
    },
    url(name, fallback, protocols = ["http:", "https:"]) {
      const value = read(name) ?? fallback;
      if (value === undefined) throw new ConfigError(`${name} is not set; it is required (the provider's docs give no public host).`);
      return checkUrl(value, name, protocols);
    },
  };
}

/** `value` as a URL of one of `protocols`, without a trailing slash; a ConfigError names `where`. */
export function checkUrl(value: string, where: string, protocols: readonly string[] = ["http:", "https:"]): string {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${where} is not a URL: ${JSON.stringify(value)}; give a full URL such as https://host/path.`);
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(`${where} must be a ${protocols.join(" or ")} URL; got ${JSON.stringify(parsed.protocol)}.`);
  return value.replace(/\/+$/, "");
}
