import { describe, expect, it } from "vitest";
import type { Candidate } from "../../lib/backend";
import { anonymiseLabel, candidateDetails, queryProblem } from "./personal-data";

const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  reference: "REC-2019-0001",
  clientName: "Mme Dupont",
  receivedOn: "2019-03-02",
  subject: "claimSettlement",
  closedOn: "2019-05-10",
  keptUntil: "2024-05-10",
  letters: 0,
  attachments: 0,
  exchanges: 0,
  events: 4,
  ...over,
});

describe("anonymisation confirmation", () => {
  it("lists what changes beyond the complaint, with French plurals", () => {
    expect(candidateDetails(candidate({ letters: 2, attachments: 1, exchanges: 3 }))).toBe(
      "2\u00A0lettres, 1\u00A0pièce jointe, 3\u00A0échanges, 4\u00A0événements du journal",
    );
    expect(candidateDetails(candidate({ events: 1 }))).toBe("1\u00A0événement du journal");
  });
  it("names the count on the button", () => {
    expect(anonymiseLabel(1)).toBe("Anonymiser ce dossier");
    expect(anonymiseLabel(12)).toBe("Anonymiser ces 12\u00A0dossiers");
  });
});

describe("client export", () => {
  it("needs a specific query", () => {
    expect(queryProblem(" ab ")).toContain("3\u00A0caractères au moins");
    expect(queryProblem("Mme Dupont")).toBeNull();
  });
});
