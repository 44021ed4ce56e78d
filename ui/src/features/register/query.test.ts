import { describe, expect, it } from "vitest";
import { defaultRegisterFilters } from "../session/session.svelte";
import { PAGE_SIZE, registerQuery, sameQuery } from "./query";

describe("the register's query for the filters kept", () => {
  it("asks every complaint, newest first, one page, with nothing chosen", () => {
    expect(registerQuery(defaultRegisterFilters(), "", "", "")).toEqual({
      status: null,
      ended: null,
      subject: null,
      handler: null,
      receivedFrom: null,
      receivedTo: null,
      overdue: false,
      dueWithinDays: null,
      awaitingConfirmation: false,
      answerLetterDue: false,
      search: null,
      sort: "receivedDesc",
      limit: PAGE_SIZE,
      offset: 0,
    });
  });

  it("carries each filter, leaves out a date not yet whole, and pages by 50", () => {
    const f = {
      ...defaultRegisterFilters(),
      status: "received" as const,
      subject: "termination" as const,
      receivedFrom: "2026-01-01",
      receivedTo: "2026-1",
      workList: { kind: "dueSoon" as const, days: 3 },
      sort: "nextDue" as const,
      page: 2,
    };
    const q = registerQuery(f, "", "dupont", "Claire Martin");
    expect(q).toMatchObject({
      status: "received",
      subject: "termination",
      receivedFrom: "2026-01-01",
      receivedTo: null,
      dueWithinDays: 3,
      search: "dupont",
      handler: "Claire Martin",
      sort: "nextDue",
      offset: 100,
    });
    // An ending chosen replaces the status.
    expect(registerQuery(f, "withdrawn", "", "")).toMatchObject({ status: null, ended: "withdrawn" });
  });

  it("tells the same query from another", () => {
    const f = defaultRegisterFilters();
    expect(sameQuery(registerQuery(f, "", "", ""), registerQuery(f, "", "", ""))).toBe(true);
    expect(sameQuery(registerQuery(f, "", "", ""), registerQuery({ ...f, page: 1 }, "", "", ""))).toBe(false);
    expect(sameQuery(registerQuery(f, "", "a", ""), registerQuery(f, "", "", ""))).toBe(false);
  });
});
