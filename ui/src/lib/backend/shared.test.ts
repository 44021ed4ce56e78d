import { describe, expect, it } from "vitest";
import { sharingReads } from "./shared";

/** A backend whose answers come when the test says, counting what was sent. */
function backend(clock = { t: 0 }) {
  const sent: string[] = [];
  const pending: Array<{ cmd: string; resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  const send = (cmd: string, args: Record<string, unknown>) => {
    sent.push(`${cmd} ${JSON.stringify(args)}`);
    return new Promise((resolve, reject) => pending.push({ cmd, resolve, reject }));
  };
  return { sent, pending, clock, call: sharingReads(send, () => clock.t) };
}

describe("sharingReads", () => {
  it("shares an identical read still under way", async () => {
    const b = backend();
    const first = b.call("extract_stats", { query: { from: "2026-01-01" } });
    const second = b.call("extract_stats", { query: { from: "2026-01-01" } });
    expect(b.sent).toHaveLength(1);
    b.pending[0].resolve({ received: 3 });
    expect(await first).toEqual({ received: 3 });
    expect(await second).toEqual({ received: 3 });
  });

  it("hands an answer that just came over once, then sends again; other arguments are sent", async () => {
    const b = backend();
    const first = b.call("get_complaint", { reference: "REC-2026-0001" });
    b.call("get_complaint", { reference: "REC-2026-0002" });
    expect(b.sent).toHaveLength(2);
    b.pending[0].resolve("one");
    await first;
    b.clock.t = 400;
    expect(await b.call("get_complaint", { reference: "REC-2026-0001" })).toBe("one");
    expect(b.sent).toHaveLength(2);
    b.call("get_complaint", { reference: "REC-2026-0001" });
    expect(b.sent).toHaveLength(3);
  });

  it("does not hand over an answer older than a moment", async () => {
    const b = backend();
    const first = b.call("extract_stats", { query: {} });
    b.pending[0].resolve("old");
    await first;
    b.clock.t = 1500;
    b.call("extract_stats", { query: {} });
    expect(b.sent).toHaveLength(2);
  });

  it("never gives a read sent after a change, a synchronisation or another register the answer asked before", async () => {
    for (const between of ["record_complaint", "sync_now", "open_demo", "a_command_of_tomorrow"]) {
      const b = backend();
      b.call("today_summary");
      b.call(between, { actor: "Claire" });
      b.call("today_summary");
      expect(b.sent, between).toEqual(["today_summary {}", `${between} {"actor":"Claire"}`, "today_summary {}"]);
      // Nor one that came before it.
      const c = backend();
      const read = c.call("today_summary");
      c.pending[0].resolve("before");
      await read;
      c.call(between);
      c.call("today_summary");
      expect(c.sent, between).toHaveLength(3);
    }
  });

  it("never gives a read sent while a synchronisation ran the answer asked before it ended", async () => {
    const b = backend();
    const before = b.call("today_summary");
    b.call("sync_now");
    // The synchronisation, on its own thread, ends after the read sent meanwhile.
    const during = b.call("today_summary");
    expect(b.sent).toHaveLength(3);
    b.pending[0].resolve("before");
    b.pending[2].resolve("during");
    await Promise.all([before, during]);
    b.pending[1].resolve(null);
    await b.pending[1];
    await Promise.resolve();
    b.call("today_summary");
    expect(b.sent).toHaveLength(4);
  });

  it("still shares across the reads a screen sends beside them", () => {
    const b = backend();
    b.call("today_summary");
    b.call("get_settings");
    b.call("list_requests", { actor: "Claire" });
    b.call("today_summary");
    expect(b.sent).toEqual(["today_summary {}", "get_settings {}", 'list_requests {"actor":"Claire"}']);
  });

  it("shares a failure too, and sends again after it", async () => {
    const b = backend();
    const first = b.call("list_complaints", { query: {} });
    const second = b.call("list_complaints", { query: {} });
    b.pending[0].reject({ code: "io" });
    await expect(first).rejects.toEqual({ code: "io" });
    await expect(second).rejects.toEqual({ code: "io" });
    b.call("list_complaints", { query: {} });
    expect(b.sent).toHaveLength(2);
  });

  it("sends every other command as it comes", () => {
    const b = backend();
    b.call("list_users");
    b.call("list_users");
    expect(b.sent).toHaveLength(2);
  });
});
