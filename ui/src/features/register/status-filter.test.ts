import { describe, expect, it } from "vitest";
import { STATUS_OPTIONS, readStatusChoice, statusChoice, statusQuery } from "./status-filter";

describe("the status filter", () => {
  it("offers the lifecycle statuses, then the endings", () => {
    expect(STATUS_OPTIONS.map((o) => o.value)).toEqual([
      "received",
      "acknowledged",
      "answered",
      "closed",
      "withdrawn",
      "requalified",
    ]);
    expect(STATUS_OPTIONS.slice(-2).map((o) => o.label)).toEqual(["Retirées par le client", "Requalifiées"]);
  });

  it("sets the ending and clears the status, or the reverse", () => {
    expect(readStatusChoice("withdrawn")).toEqual({ status: "", ended: "withdrawn" });
    expect(readStatusChoice("requalified")).toEqual({ status: "", ended: "requalified" });
    expect(readStatusChoice("closed")).toEqual({ status: "closed", ended: "" });
    expect(readStatusChoice("")).toEqual({ status: "", ended: "" });
    expect(readStatusChoice("nonsense")).toEqual({ status: "", ended: "" });
  });

  it("shows the ending when one is kept", () => {
    expect(statusChoice("", "requalified")).toBe("requalified");
    expect(statusChoice("answered", "")).toBe("answered");
    expect(statusChoice("", "")).toBe("");
  });

  it("queries either the status or the ending", () => {
    expect(statusQuery("", "withdrawn")).toEqual({ status: null, ended: "withdrawn" });
    expect(statusQuery("received", "")).toEqual({ status: "received", ended: null });
    expect(statusQuery("", "")).toEqual({ status: null, ended: null });
  });
});
