import { describe, expect, it } from "vitest";
import type { DysfunctionEntry } from "../../lib/backend/types";
import { DYSFUNCTION_CATEGORY_LABELS } from "../../lib/backend/labels";
import {
  actionEditInputs,
  actionKindLabel,
  actionRecordedText,
  actionToEditForm,
  editFormToActionEdit,
  editRequiredMissing,
  emptyCorrectiveActionForm,
  followedByText,
  formToNewCorrectiveAction,
  groupDysfunctions,
  pickDysfunctions,
  searchableDysfunctions,
  isActionEdited,
  isCorrectiveActionFormDirty,
  linkedComplaints,
  newActionTitle,
  parseReferences,
  requiredMissing,
  routeActionEditError,
  routeCorrectiveActionError,
  toggleDysfunction,
  type CorrectiveActionForm,
} from "./form";

// The backend's order: newest first.
const ENTRIES: DysfunctionEntry[] = [
  { id: 7, reference: "REC-2026-0003", category: "delay", description: "AR envoyé hors délai", foundOn: "2026-04-20", actions: [] },
  { id: 6, reference: "REC-2026-0002", category: "information", description: "Garantie mal expliquée", foundOn: "2026-04-02", actions: [2] },
  { id: 5, reference: "REC-2026-0002", category: "delay", description: "Relance assureur oubliée", foundOn: "2026-03-30", actions: [1, 2] },
  { id: 3, reference: "REC-2026-0001", category: "process", description: "Pièce demandée deux fois", foundOn: "2026-02-11", actions: [] },
];

const filled = (over: Partial<CorrectiveActionForm> = {}): CorrectiveActionForm => ({
  kind: "corrective",
  description: "  Former l'équipe aux délais d'AR ",
  owner: " Claire Martin ",
  dueOn: "2026-06-30",
  dysfunctions: [],
  otherComplaints: "",
  ...over,
});

describe("required fields", () => {
  it("names each empty field in French", () => {
    expect(requiredMissing(emptyCorrectiveActionForm())).toEqual({
      description: "Décrivez l'action à mener.",
      owner: "Indiquez le responsable de l'action.",
      dueOn: "Indiquez l'échéance (jj/mm/aaaa).",
    });
    expect(requiredMissing(filled({ owner: "   " }))).toEqual({ owner: "Indiquez le responsable de l'action." });
    expect(requiredMissing(filled())).toEqual({});
  });

  it("a blank form is not dirty; anything typed or ticked is", () => {
    expect(isCorrectiveActionFormDirty(emptyCorrectiveActionForm())).toBe(false);
    expect(isCorrectiveActionFormDirty({ ...emptyCorrectiveActionForm(), description: "  " })).toBe(false);
    expect(isCorrectiveActionFormDirty({ ...emptyCorrectiveActionForm(), dysfunctions: [3] })).toBe(true);
    expect(isCorrectiveActionFormDirty({ ...emptyCorrectiveActionForm(), otherComplaints: "REC" })).toBe(true);
    expect(isCorrectiveActionFormDirty({ ...emptyCorrectiveActionForm(), kind: "preventive" })).toBe(true);
  });
});

describe("linked complaints", () => {
  it("reads typed references, upper-cased, each once", () => {
    expect(parseReferences(" rec-2026-0001, REC-2026-0002;\nREC-2026-0001  REC-2025-0100 ")).toEqual([
      "REC-2026-0001",
      "REC-2026-0002",
      "REC-2025-0100",
    ]);
    expect(parseReferences("  ")).toEqual([]);
  });

  it("ticking a dysfunction links its complaint; unticking unlinks it", () => {
    let ids = toggleDysfunction([], 5, true);
    ids = toggleDysfunction(ids, 3, true);
    ids = toggleDysfunction(ids, 5, true); // a second tick does not duplicate
    expect(ids).toEqual([3, 5]);
    expect(linkedComplaints(filled({ dysfunctions: ids }), ENTRIES)).toEqual(["REC-2026-0001", "REC-2026-0002"]);
    ids = toggleDysfunction(ids, 3, false);
    expect(linkedComplaints(filled({ dysfunctions: ids }), ENTRIES)).toEqual(["REC-2026-0002"]);
  });

  it("two dysfunctions of one complaint link it once; typed references follow", () => {
    const f = filled({ dysfunctions: [6, 5], otherComplaints: "rec-2026-0002 REC-2026-0009" });
    expect(linkedComplaints(f, ENTRIES)).toEqual(["REC-2026-0002", "REC-2026-0009"]);
  });
});

describe("formToNewCorrectiveAction", () => {
  it("maps the form to the wire type, trimmed", () => {
    const f = filled({ dysfunctions: [7, 3], otherComplaints: "REC-2026-0010" });
    expect(formToNewCorrectiveAction(f, ENTRIES)).toEqual({
      kind: "corrective",
      description: "Former l'équipe aux délais d'AR",
      owner: "Claire Martin",
      dueOn: "2026-06-30",
      complaints: ["REC-2026-0003", "REC-2026-0001", "REC-2026-0010"],
      dysfunctions: [7, 3],
    });
  });

  it("is corrective by default and sends the kind chosen", () => {
    expect(emptyCorrectiveActionForm().kind).toBe("corrective");
    expect(formToNewCorrectiveAction(filled({ kind: "preventive" }), ENTRIES).kind).toBe("preventive");
    // A draft kept from before actions had a kind.
    const old = { ...filled() } as Partial<CorrectiveActionForm>;
    delete old.kind;
    expect(formToNewCorrectiveAction(old as CorrectiveActionForm, ENTRIES).kind).toBe("corrective");
  });

  it("does not share the form's array", () => {
    const f = filled({ dysfunctions: [7] });
    const a = formToNewCorrectiveAction(f, ENTRIES);
    a.dysfunctions.push(99);
    expect(f.dysfunctions).toEqual([7]);
  });
});

describe("routeCorrectiveActionError", () => {
  it("puts a validation error next to its field", () => {
    expect(routeCorrectiveActionError({ code: "validation", message: "date obligatoire", field: "dueOn" })).toEqual({
      fields: { dueOn: "date obligatoire" },
      general: null,
    });
    expect(routeCorrectiveActionError({ code: "validation", message: "référence invalide", field: "complaints" }).fields).toEqual({
      complaints: "référence invalide",
    });
  });

  it("an unknown complaint goes next to the references", () => {
    const r = routeCorrectiveActionError({ code: "notFound", message: "introuvable : réclamation REC-2026-0099" });
    expect(r).toEqual({ fields: { complaints: "introuvable : réclamation REC-2026-0099" }, general: null });
  });

  it("anything else goes to the banner", () => {
    expect(routeCorrectiveActionError({ code: "database", message: "base verrouillée" })).toEqual({
      fields: {},
      general: "base verrouillée",
    });
    expect(routeCorrectiveActionError({ code: "validation", message: "statut", field: "status" }).general).toBe("statut");
  });
});

describe("groupDysfunctions", () => {
  it("groups by category in the categories' order, newest first inside", () => {
    const groups = groupDysfunctions(ENTRIES);
    expect(groups.map((g) => [g.label, g.entries.map((e) => e.id)])).toEqual([
      ["Processus", [3]],
      ["Information du client", [6]],
      ["Délai de traitement", [7, 5]],
    ]);
  });

  it("no dysfunction, no group", () => {
    expect(groupDysfunctions([])).toEqual([]);
  });

  it("keeps a category it has no label for", () => {
    const odd = { ...ENTRIES[0], id: 9, category: "somethingNew" } as unknown as DysfunctionEntry;
    const groups = groupDysfunctions([odd]);
    expect(groups).toHaveLength(1);
    expect(groups[0].label).toBe("somethingNew");
  });
});

describe("followedByText", () => {
  it("names the actions already following a dysfunction", () => {
    expect(followedByText([])).toBe("");
    expect(followedByText([3])).toBe("déjà suivi par l'action n°\u00A03");
    expect(followedByText([1, 2])).toBe("déjà suivi par les actions n°\u00A01 et 2");
    expect(followedByText([2, 3, 5])).toBe("déjà suivi par les actions n°\u00A02, 3 et 5");
  });
});

describe("kind", () => {
  it("names the kinds in French", () => {
    expect(actionKindLabel("corrective")).toBe("Corrective");
    expect(actionKindLabel("preventive")).toBe("Préventive");
    expect(newActionTitle("corrective")).toBe("Nouvelle action corrective");
    expect(newActionTitle("preventive")).toBe("Nouvelle action préventive");
    expect(actionRecordedText("preventive", 4)).toBe("Action préventive n°\u00A04 enregistrée");
    expect(actionRecordedText("corrective", 12)).toBe("Action corrective n°\u00A012 enregistrée");
  });

  it("a kind error goes next to the kind", () => {
    expect(routeCorrectiveActionError({ code: "validation", message: "type inconnu", field: "kind" }).fields).toEqual({
      kind: "type inconnu",
    });
  });
});

describe("editing an open action", () => {
  const action = { description: "Former l'équipe", owner: "Claire Martin", dueOn: "2026-06-30" };

  it("starts from the action and sends it trimmed", () => {
    const f = actionToEditForm(action);
    expect(f).toEqual({ description: "Former l'équipe", owner: "Claire Martin", dueOn: "2026-06-30" });
    expect(editFormToActionEdit({ description: "  Former toute l'équipe ", owner: " Paul Durand ", dueOn: "2026-07-15" })).toEqual({
      description: "Former toute l'équipe",
      owner: "Paul Durand",
      dueOn: "2026-07-15",
    });
  });

  it("knows when nothing changed (blanks aside)", () => {
    expect(isActionEdited(actionToEditForm(action), action)).toBe(false);
    expect(isActionEdited({ ...actionToEditForm(action), owner: " Claire Martin  " }, action)).toBe(false);
    expect(isActionEdited({ ...actionToEditForm(action), dueOn: "2026-07-01" }, action)).toBe(true);
    expect(isActionEdited({ ...actionToEditForm(action), description: "Autre chose" }, action)).toBe(true);
  });

  it("names each empty field in French", () => {
    expect(editRequiredMissing({ description: " ", owner: "", dueOn: "" })).toEqual({
      description: "Décrivez l'action à mener.",
      owner: "Indiquez le responsable de l'action.",
      dueOn: "Indiquez l'échéance (jj/mm/aaaa).",
    });
    expect(editRequiredMissing(actionToEditForm(action))).toEqual({});
  });

  it("gives each action's inputs their own ids", () => {
    expect(actionEditInputs(3)).toEqual({
      description: "action-edit-description-3",
      owner: "action-edit-owner-3",
      dueOn: "action-edit-due-3",
    });
  });

  it("routes the core's refusals: due date and status in the form, the rest in the banner", () => {
    expect(
      routeActionEditError({ code: "validation", message: "l'échéance est passée", field: "dueOn" }),
    ).toEqual({ fields: { dueOn: "l'échéance est passée" }, general: null });
    expect(
      routeActionEditError({ code: "validation", message: "l'action est « Réalisée » : elle ne se modifie plus", field: "status" }).fields,
    ).toEqual({ status: "l'action est « Réalisée » : elle ne se modifie plus" });
    expect(routeActionEditError({ code: "notFound", message: "introuvable : action corrective n° 9" })).toEqual({
      fields: {},
      general: "introuvable : action corrective n° 9",
    });
  });
});

describe("pickDysfunctions", () => {
  const all = searchableDysfunctions(ENTRIES);

  it("lists the most recently found first, all of them when few", () => {
    const pick = pickDysfunctions(all, [], "");
    expect(pick.shown.map((e) => e.id)).toEqual([7, 6, 5, 3]);
    expect(pick.matching).toBe(4);
  });

  it("finds every word typed in the reference, the category or the description, accents and case aside", () => {
    expect(pickDysfunctions(all, [], "piece").shown.map((e) => e.id)).toEqual([3]);
    expect(pickDysfunctions(all, [], "0002 RELANCE").shown.map((e) => e.id)).toEqual([5]);
    const category = DYSFUNCTION_CATEGORY_LABELS.delay.split(" ")[0];
    expect(pickDysfunctions(all, [], category).shown.map((e) => e.id)).toEqual([7, 5]);
    expect(pickDysfunctions(all, [], "introuvable")).toEqual({ shown: [], matching: 0 });
  });

  it("lists `limit` at most, says how many match, and always keeps the ones ticked", () => {
    const pick = pickDysfunctions(all, [3], "", 2);
    expect(pick.shown.map((e) => e.id)).toEqual([3, 7, 6]);
    expect(pick.matching).toBe(4);
    // Ticked, it stays in sight whatever the search.
    expect(pickDysfunctions(all, [3], "relance").shown.map((e) => e.id)).toEqual([3, 5]);
  });

  it("lists 50 of a large register's 13,000, the most recently found first", () => {
    const many: DysfunctionEntry[] = Array.from({ length: 13000 }, (_, i) => ({
      ...ENTRIES[i % ENTRIES.length],
      id: i + 1,
      foundOn: `2026-0${(i % 9) + 1}-1${i % 10}`,
    }));
    const pick = pickDysfunctions(searchableDysfunctions(many), [], "");
    expect(pick.shown).toHaveLength(50);
    expect(pick.matching).toBe(13000);
    expect(pick.shown[0].foundOn).toBe("2026-09-19");
  });
});
