/**
 * Where the gateway keeps the little it must not lose across restarts (a rotating OAuth refresh
 * token): small string values by key, durable once `set` resolves, and a named lock for work that
 * must happen once at a time across every instance sharing the store (a refresh-token trade).
 * Implemented on a directory (`directory-state-store.ts`) and, for several instances, on Redis.
 */
export interface StateStore {
  /** Names the store in messages, e.g. "state directory /srv/numbergraph/.numbergraph". */
  readonly description: string;
  /** The value last set under `key`, or undefined when there is none. */
  get(key: string): Promise<string | undefined>;
  /** Store `value` under `key`; resolves once it would survive a crash or restart. */
  set(key: string, value: string): Promise<void>;
  /**
   * Run `fn` holding the lock `name`: one holder at a time in this process and across processes
   * sharing the store. The lock is released when `fn` settles, and taken over if a holder dies.
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** The store could not do what was asked (not writable, lock not obtained): its message says what to fix. */
export class StateStoreError extends Error {
  override readonly name = "StateStoreError";
}
