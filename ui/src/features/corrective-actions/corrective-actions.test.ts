import { describe, expect, it } from "vitest";
import type { ActionStatus, CorrectiveAction } from "../../lib/backend/types";
import { CORRECTIVE_ACTION_STATUS_LABELS } from "../../lib/backend/labels";
import {
  CORRECTIVE_ACTION_FILTERS,
  countByFilter,
  daysBetween,
  daysLate,
  dysfunctionCountText,
  filterCorrectiveActions,
  isEditable,
  isOpenStatus,
  lateText,
  statusChanges,
} from "./corrective-actions";

function action(id: number, status: ActionStatus, dueOn: string, late = false, nextStatuses: ActionStatus[] = []): CorrectiveAction {
  return {
    id,
    kind: "corrective",
    description: `Action ${id}`,
    owner: "Claire Martin",
    dueOn,
    status,
    late,
    complaints: [],
    dysfunctions: [],
    nextStatuses,
  };
}

// The backend's order: late first, then open by due date, then done / abandoned.
const ACTIONS = [
  action(4, "inProgress", "2026-04-01", true),
  action(2, "planned", "2026-05-20"),
  action(1, "inProgress", "2026-06-30"),
  action(3, "done", "2026-03-01"),
  action(5, "abandoned", "2026-02-01"),
];

describe("filters", () => {
  it("offers Toutes / Ouvertes / En cours / En retard / Terminées", () => {
    expect(CORRECTIVE_ACTION_FILTERS.map((f) => [f.id, f.label])).toEqual([
      ["all", "Toutes"],
      ["open", "Ouvertes"],
      ["inProgress", "En cours"],
      ["late", "En retard"],
      ["closed", "Terminées"],
    ]);
  });

  it("keeps the backend's order", () => {
    expect(filterCorrectiveActions(ACTIONS, "all").map((a) => a.id)).toEqual([4, 2, 1, 3, 5]);
    expect(filterCorrectiveActions(ACTIONS, "open").map((a) => a.id)).toEqual([4, 2, 1]);
    expect(filterCorrectiveActions(ACTIONS, "inProgress").map((a) => a.id)).toEqual([4, 1]);
    expect(filterCorrectiveActions(ACTIONS, "late").map((a) => a.id)).toEqual([4]);
    expect(filterCorrectiveActions(ACTIONS, "closed").map((a) => a.id)).toEqual([3, 5]);
  });

  it("counts each filter", () => {
    expect(countByFilter(ACTIONS)).toEqual({ all: 5, open: 3, inProgress: 2, late: 1, closed: 2 });
    expect(countByFilter([])).toEqual({ all: 0, open: 0, inProgress: 0, late: 0, closed: 0 });
  });

  it("« En cours » is exactly the status in progress: a planned action is not counted there", () => {
    const planned = [action(1, "planned", "2026-06-30"), action(2, "planned", "2026-04-01", true)];
    expect(countByFilter(planned)).toEqual({ all: 2, open: 2, inProgress: 0, late: 1, closed: 0 });
    expect(filterCorrectiveActions(planned, "inProgress")).toEqual([]);
    // Each label matches the status label the rows show.
    const inProgress = CORRECTIVE_ACTION_FILTERS.find((f) => f.id === "inProgress");
    expect(inProgress?.label).toBe(CORRECTIVE_ACTION_STATUS_LABELS.inProgress);
  });

  it("late is the core's answer (open and past due), closed is done or abandoned", () => {
    const mixed = [
      action(1, "planned", "2026-04-01", true),
      action(2, "inProgress", "2026-04-01", true),
      action(3, "done", "2026-04-01"),
      action(4, "abandoned", "2026-04-01"),
      action(5, "inProgress", "2026-09-01"),
    ];
    expect(filterCorrectiveActions(mixed, "late").map((a) => a.id)).toEqual([1, 2]);
    expect(filterCorrectiveActions(mixed, "closed").map((a) => a.id)).toEqual([3, 4]);
    expect(filterCorrectiveActions(mixed, "open").map((a) => a.id)).toEqual([1, 2, 5]);
    expect(filterCorrectiveActions(mixed, "inProgress").map((a) => a.id)).toEqual([2, 5]);
  });

  it("only planned and in-progress actions are open", () => {
    expect(isOpenStatus("planned")).toBe(true);
    expect(isOpenStatus("inProgress")).toBe(true);
    expect(isOpenStatus("done")).toBe(false);
    expect(isOpenStatus("abandoned")).toBe(false);
  });

  it("only open actions may be edited", () => {
    expect(isEditable(action(1, "planned", "2026-06-30"))).toBe(true);
    expect(isEditable(action(2, "inProgress", "2026-04-01", true))).toBe(true);
    expect(isEditable(action(3, "done", "2026-03-01"))).toBe(false);
    expect(isEditable(action(4, "abandoned", "2026-03-01"))).toBe(false);
  });

  it("a filter keeps preventive actions like corrective ones", () => {
    const preventive = { ...action(6, "planned", "2026-07-01"), kind: "preventive" as const };
    expect(filterCorrectiveActions([...ACTIONS, preventive], "open").map((a) => a.id)).toEqual([4, 2, 1, 6]);
  });

  it("the empty list names both kinds", () => {
    expect(CORRECTIVE_ACTION_FILTERS[0].empty).toBe("Aucune action corrective ou préventive.");
  });
});

describe("lateness", () => {
  it("counts calendar days across months, years and leap days", () => {
    expect(daysBetween("2026-05-01", "2026-05-08")).toBe(7);
    expect(daysBetween("2026-02-27", "2026-03-02")).toBe(3);
    expect(daysBetween("2028-02-27", "2028-03-02")).toBe(4);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
    expect(daysBetween("2026-05-08", "2026-05-01")).toBe(-7);
    // Summer time starts on 29 March 2026: still whole days.
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-02-30", "2026-03-02")).toBeNull();
    expect(daysBetween("2026-03-02", "")).toBeNull();
  });

  it("only for actions the backend calls late", () => {
    expect(daysLate(action(1, "inProgress", "2026-04-01", true), "2026-05-07")).toBe(36);
    expect(daysLate(action(1, "planned", "2026-05-06", true), "2026-05-07")).toBe(1);
    // Not late by the backend (done, or not yet due): no count, whatever the dates.
    expect(daysLate(action(1, "done", "2026-04-01", false), "2026-05-07")).toBeNull();
    expect(daysLate(action(1, "planned", "2026-06-01", false), "2026-05-07")).toBeNull();
    // Today unknown.
    expect(daysLate(action(1, "planned", "2026-04-01", true), "")).toBeNull();
  });

  it("says it in French", () => {
    expect(lateText(3)).toBe("en retard de 3\u00A0j");
    expect(lateText(1200)).toBe("en retard de 1\u202F200\u00A0j");
  });
});

describe("status changes", () => {
  const offered = (...nextStatuses: ActionStatus[]) => statusChanges({ nextStatuses });

  it("offers exactly the statuses the core allows, in its order", () => {
    expect(offered("inProgress", "done", "abandoned").map((c) => [c.status, c.label, c.final])).toEqual([
      ["inProgress", "Démarrer", false],
      ["done", "Terminer", true],
      ["abandoned", "Abandonner", true],
    ]);
    expect(offered("planned", "done", "abandoned").map((c) => [c.status, c.label, c.final])).toEqual([
      ["planned", "Replanifier", false],
      ["done", "Terminer", true],
      ["abandoned", "Abandonner", true],
    ]);
    expect(offered("done").map((c) => c.status)).toEqual(["done"]);
    const started = action(1, "inProgress", "2026-06-30", false, ["planned", "done", "abandoned"]);
    expect(statusChanges(started).map((c) => c.status)).toEqual(["planned", "done", "abandoned"]);
  });

  it("offers nothing when the core allows nothing (done, abandoned)", () => {
    expect(offered()).toEqual([]);
    expect(statusChanges(action(3, "done", "2026-03-01"))).toEqual([]);
  });

  it("final changes ask a question", () => {
    for (const c of offered("planned", "inProgress", "done", "abandoned")) {
      if (c.final) expect(c.question).toMatch(/ne pourra plus changer/);
      else expect(c.question).toBe("");
    }
  });
});

describe("dysfunctionCountText", () => {
  it("agrees in number", () => {
    expect(dysfunctionCountText(0)).toBe("aucun dysfonctionnement");
    expect(dysfunctionCountText(1)).toBe("1 dysfonctionnement");
    expect(dysfunctionCountText(2)).toBe("2 dysfonctionnements");
  });
});
