import { describe, expect, it } from "vitest";
import type { BackupStatus, Maintenance } from "../../lib/backend";
import { MAINTENANCE_POLL_AT_MS, watchMaintenance } from "./maintenance";

const running: Maintenance = { done: false, integrityError: null, backupWritten: null, backupError: null };
const status = (maintenance: Partial<Maintenance>, files = 0): BackupStatus => ({
  folder: "/home/cabinet/sauvegardes",
  files: Array.from({ length: files }, (_, i) => ({
    path: `/home/cabinet/sauvegardes/registre_2026-11-${20 + i}.db`,
    name: `registre_2026-11-${20 + i}.db`,
    size: 4096,
    day: `2026-11-${20 + i}`,
    content: null,
    thisRegister: false,
  })),
  maintenance: { ...running, ...maintenance },
});

/** A fake clock: records every wait, resolves at once. */
function clock() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

/** Answers in turn (an Error instance is thrown), and counts the calls. */
function backend(...answers: (BackupStatus | Error | { code: string; message: string })[]) {
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    fetch: async () => {
      const a = answers[Math.min(calls++, answers.length - 1)];
      if (a instanceof Error || !("maintenance" in a)) throw a;
      return a;
    },
  };
}

describe("watching the start-up maintenance", () => {
  it("asks at 1 s, 3 s, 8 s… after the start, until it is done", async () => {
    const c = clock();
    const b = backend(status({}), status({}), status({ done: true, backupWritten: "/s/registre_2026-11-22.db" }, 1));
    const done = await watchMaintenance(b.fetch, { at: [1000, 3000, 8000, 20000], sleep: c.sleep });
    expect(c.waits).toEqual([1000, 2000, 5000]);
    expect(b.calls).toBe(3);
    expect(done?.maintenance.backupWritten).toBe("/s/registre_2026-11-22.db");
    expect(done?.files.map((f) => f.name)).toEqual(["registre_2026-11-20.db"]);
  });

  it("gives up after the last time when the maintenance never finishes", async () => {
    const c = clock();
    const b = backend(status({}));
    expect(await watchMaintenance(b.fetch, { at: [1000, 3000, 8000], sleep: c.sleep })).toBeNull();
    expect(b.calls).toBe(3);
    expect(c.waits).toEqual([1000, 2000, 5000]);
  });

  it("asks again after a failed call, but not without a backend", async () => {
    const c = clock();
    const flaky = backend({ code: "internal", message: "occupé" }, status({ done: true, integrityError: "page 3" }));
    const done = await watchMaintenance(flaky.fetch, { at: [1000, 3000], sleep: c.sleep });
    expect(done?.maintenance.integrityError).toBe("page 3");
    expect(flaky.calls).toBe(2);

    const none = backend({ code: "noBackend", message: "indisponible" }, status({ done: true }));
    expect(await watchMaintenance(none.fetch, { at: [1000, 3000], sleep: c.sleep })).toBeNull();
    expect(none.calls).toBe(1);
  });

  it("reports every status on the way, and stops when asked", async () => {
    const c = clock();
    const seen: number[] = [];
    const b = backend(status({}, 1), status({}, 2), status({ done: true }, 3));
    let stop = false;
    const done = await watchMaintenance(b.fetch, {
      at: [10, 20, 30],
      sleep: c.sleep,
      onStatus: (s) => {
        seen.push(s.files.length);
        stop = s.files.length === 2;
      },
      stopped: () => stop,
    });
    expect(done).toBeNull();
    expect(seen).toEqual([1, 2]);
    expect(b.calls).toBe(2);
  });

  it("has an ascending default schedule starting after a second", () => {
    expect(MAINTENANCE_POLL_AT_MS[0]).toBe(1000);
    expect([...MAINTENANCE_POLL_AT_MS].sort((a, b) => a - b)).toEqual([...MAINTENANCE_POLL_AT_MS]);
  });
});
