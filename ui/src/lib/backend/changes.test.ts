import { describe, expect, it, vi } from "vitest";
import { changed, isChangeCommand, onChange } from "./changes";

describe("changes of the register", () => {
  it("are the commands acting as someone, reads aside", () => {
    expect(isChangeCommand("answer", { reference: "2026-0001", actor: "Paul" })).toBe(true);
    expect(isChangeCommand("pending_approvals", { actor: "Paul" })).toBe(false);
    expect(isChangeCommand("letter_choices", { reference: "x", actor: "Paul" })).toBe(false);
    expect(isChangeCommand("list_complaints", { query: {} })).toBe(false);
    expect(isChangeCommand("sync_now", {})).toBe(false);
    expect(isChangeCommand("resolve_conflict", { seq: 3, note: "vu" })).toBe(true);
  });

  it("are told to listeners until they stop", () => {
    const listener = vi.fn();
    const stop = onChange(listener);
    changed("hold", { actor: "Paul" });
    changed("get_complaint", { reference: "x" });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith("hold");
    stop();
    changed("hold", { actor: "Paul" });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
