import { describe, expect, it } from "vitest";
import { editedChanges, eventDetails } from "./journal";

describe("editedChanges", () => {
  it("reads {changes: {field: {before, after}}}", () => {
    expect(
      editedChanges({
        changes: {
          "client.email": { before: null, after: "j@d.fr" },
          channel: { before: "letter", after: "email" },
        },
      }),
    ).toEqual([
      { field: "client.email", label: "E-mail", before: "(vide)", after: "j@d.fr" },
      { field: "channel", label: "Canal", before: "Courrier", after: "E-mail" },
    ]);
  });

  it("tolerates unexpected shapes", () => {
    expect(editedChanges(null)).toEqual([]);
    expect(editedChanges({})).toEqual([]);
    expect(editedChanges({ changes: [] })).toEqual([]);
    expect(editedChanges({ changes: { subject: "x" } })).toEqual([
      { field: "subject", label: "Objet", before: "(vide)", after: "(vide)" },
    ]);
  });
});

describe("eventDetails", () => {
  it("summarises usual payloads", () => {
    expect(eventDetails("answered", { on: "2026-05-20", outcome: "partial", summary: "Geste accordé", gesture: "50" })).toBe(
      "le 20/05/2026 · Partiellement fondée · geste 50,00\u00A0€ · « Geste accordé »",
    );
    expect(eventDetails("disputeStep", { on: "2026-06-01", kind: "mediatorReferral", summary: "Saisine" })).toBe(
      "le 01/06/2026 · Saisine du médiateur · « Saisine »",
    );
    expect(eventDetails("exchange", { on: "2026-05-08", direction: "incoming", channel: "phone", summary: "Relance" })).toBe(
      "le 08/05/2026 · Reçu du client · Téléphone · « Relance »",
    );
  });

  it("returns null when nothing is readable", () => {
    expect(eventDetails("recorded", null)).toBeNull();
    expect(eventDetails("recorded", { x: 1 })).toBeNull();
    expect(eventDetails("recorded", "text")).toBeNull();
  });
});
