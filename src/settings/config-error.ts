/** A misconfiguration: one line that names the variable (or config-file field) and what to change. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}
