import type { StateStore } from "./state-store.js";

/**
 * A `StateStore` that knows what it has in flight, so shutdown can wait for it: a refresh-token
 * trade runs inside `withLock` and its new token is written with `set`, and a process that exits
 * between the provider's answer and that write has lost the only live refresh token.
 */
export class SettlingStateStore implements StateStore {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly inner: StateStore) {}

  get description(): string {
    return this.inner.description;
  }

  get(key: string): Promise<string | undefined> {
    return this.track(this.inner.get(key));
  }

  set(key: string, value: string): Promise<void> {
    return this.track(this.inner.set(key, value));
  }

  withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.track(this.inner.withLock(name, fn));
  }

  /** Resolves once nothing is in flight, including work that began while it waited. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return work;
  }
}
