import { afterAll, describe, expect, it } from "@jest/globals";
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DirectoryStateStore } from "../../src/state/directory-state-store.js";
import { StateStoreError } from "../../src/state/state-store.js";

describe("DirectoryStateStore", () => {
  const dirs: string[] = [];
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), "numbergraph-state-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) {
      await chmod(dir, 0o700).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("creates its directory owner-only, keeps values across instances, and files them 0600 with no temporary left behind", async () => {
    const dir = join(await freshDir(), "nested", ".numbergraph");
    const store = await DirectoryStateStore.open(dir);
    expect(store.description).toBe(`state directory ${dir}`);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(await store.get("highlevel/refresh/app-1/loc:A")).toBeUndefined();
    await store.set("highlevel/refresh/app-1/loc:A", "first");
    await store.set("highlevel/refresh/app-1/loc:A", "second");
    const again = await DirectoryStateStore.open(dir);
    expect(await again.get("highlevel/refresh/app-1/loc:A")).toBe("second");
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, files[0]!), "utf8")).toBe("second");
  });

  it("keeps every key inside its directory, whatever the key", async () => {
    const dir = await freshDir();
    const store = await DirectoryStateStore.open(dir);
    for (const key of ["..", "../escape", "/etc/passwd", "a/../../b", "."]) await store.set(key, key);
    for (const key of ["..", "../escape", "/etc/passwd", "a/../../b", "."]) expect(await store.get(key)).toBe(key);
    expect(await readdir(dir)).toHaveLength(5);
  });

  it("refuses to open a directory it cannot write, with one line naming it and the variable", async () => {
    const dir = await freshDir();
    await chmod(dir, 0o500);
    // root writes through permissions, so a read-only directory refuses only an ordinary user.
    if (process.getuid?.() !== 0) {
      const error = await DirectoryStateStore.open(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StateStoreError);
      expect((error as Error).message).toMatch(new RegExp(`^the state directory ${dir} cannot be written \\(EACCES\\); set NUMBERGRAPH_STATE_DIR`));
    }
    // A path under a file cannot be a directory for anyone.
    const file = join(await freshDir(), "a-file");
    await writeFile(file, "x");
    const error = await DirectoryStateStore.open(join(file, "state")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect((error as Error).message).toBe(`the state directory ${join(file, "state")} cannot be written (ENOTDIR); set NUMBERGRAPH_STATE_DIR to a directory this user can write.`);
  });

  it("runs one holder of a lock at a time, within a process and between two stores on the same directory", async () => {
    const dir = await freshDir();
    const [a, b] = [await DirectoryStateStore.open(dir), await DirectoryStateStore.open(dir)];
    let holders = 0;
    let most = 0;
    const order: number[] = [];
    const hold = (store: DirectoryStateStore, i: number) =>
      store.withLock("trade", async () => {
        holders += 1;
        most = Math.max(most, holders);
        await new Promise((r) => setTimeout(r, 15));
        order.push(i);
        holders -= 1;
        return i;
      });
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => hold(i % 2 ? a : b, i)));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(1);
    expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // A failing holder releases the lock for the next.
    await expect(a.withLock("trade", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await b.withLock("trade", async () => "after")).toBe("after");
  });
});
