import { constants } from "node:fs";
import { access, mkdir, readFile, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import lockfile from "proper-lockfile";
import writeFileAtomic from "write-file-atomic";
import { StateStoreError, type StateStore } from "./state-store.js";

/** `NUMBERGRAPH_STATE_DIR`'s default, relative to the working directory. */
export const DEFAULT_STATE_DIR = ".numbergraph";

/** How long a lock may be held without its holder refreshing it before another process takes it over. */
const STALE_LOCK_MS = 10_000;

/**
 * A `StateStore` on a local directory: one file per key, written atomically (a temporary file,
 * fsync, rename) and readable only by the owner (0600, the directory 0700); locks are lock
 * directories (`proper-lockfile`), refreshed while held and taken over when stale, so instances
 * sharing the directory trade one at a time.
 */
export class DirectoryStateStore implements StateStore {
  readonly description: string;
  /** Per-lock queues, so callers in this process wait their turn instead of polling the lock file. */
  private readonly queues = new Map<string, Promise<unknown>>();

  private constructor(readonly dir: string) {
    this.description = `state directory ${dir}`;
  }

  /** Create (if need be) and check the directory; a StateStoreError names it when it cannot be written. */
  static async open(dir: string = DEFAULT_STATE_DIR): Promise<DirectoryStateStore> {
    const absolute = resolve(dir);
    const store = new DirectoryStateStore(absolute);
    try {
      await mkdir(absolute, { recursive: true, mode: 0o700 });
      await access(absolute, constants.W_OK);
      const probe = join(absolute, ".write-check");
      await writeFileAtomic(probe, "ok", { mode: 0o600 });
      await rm(probe, { force: true });
    } catch (error) {
      throw new StateStoreError(`the state directory ${absolute} cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set NUMBERGRAPH_STATE_DIR to a directory this user can write.`);
    }
    return store;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return await readFile(this.fileOf(key), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw new StateStoreError(`could not read ${this.fileOf(key)} (${(error as NodeJS.ErrnoException).code}); check the ${this.description}.`);
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      // write-file-atomic writes a temporary file, fsyncs it and renames it over the old one.
      await writeFileAtomic(this.fileOf(key), value, { mode: 0o600, fsync: true });
    } catch (error) {
      throw new StateStoreError(`could not write ${this.fileOf(key)} (${(error as NodeJS.ErrnoException).code}); check the ${this.description}.`);
    }
  }

  async withLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => this.holdingFileLock(name, fn));
    const tail = run.catch(() => undefined);
    this.queues.set(name, tail);
    void tail.then(() => {
      if (this.queues.get(name) === tail) this.queues.delete(name);
    });
    return run;
  }

  private async holdingFileLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      // proper-lockfile retries every error as if the lock were held: fail at once when the directory is gone.
      if (!(await stat(this.dir)).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
      release = await lockfile.lock(this.fileOf(`lock:${name}`), {
        realpath: false,
        stale: STALE_LOCK_MS,
        retries: { retries: 100, factor: 1.2, minTimeout: 20, maxTimeout: 250 },
      });
    } catch (error) {
      throw new StateStoreError(`could not take the lock ${name} in the ${this.description} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); another instance may be holding it, retry shortly.`);
    }
    try {
      return await fn();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** One file per key; anything but [A-Za-z0-9_-] is escaped, so a key can never leave the directory. */
  private fileOf(key: string): string {
    return join(
      this.dir,
      key.replace(/[^A-Za-z0-9_-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`),
    );
  }
}
