import { describe, expect, it } from "vitest";
import type { InfoRequest } from "../../lib/backend/types";
import { emptyComplaintForm } from "../complaint/form";
import {
  REQUEST_PAGE_SIZE,
  buildRequestQuery,
  closeFormInputs,
  closeFormMissing,
  emptyCloseForm,
  emptyListText,
  excerpt,
  formatRequestCount,
  isRequestOpen,
  openCountQuery,
  originText,
  requalifiedText,
  requalifyMissing,
  requestStatus,
  requestStatusText,
  requestToComplaintForm,
  routeError,
} from "./requests";

function request(over: Partial<InfoRequest> = {}): InfoRequest {
  return {
    id: 12,
    clientName: "Martine Lefèvre",
    channel: "phone",
    receivedOn: "2026-04-02",
    description: "Demande d'attestation d'assurance habitation pour son bailleur.",
    recordedBy: "Claire Martin",
    recordedAt: "2026-04-02T09:12:00Z",
    closedOn: null,
    closingNote: null,
    fromComplaint: null,
    toComplaint: null,
    ...over,
  };
}

describe("the query", () => {
  it("sends the words searched, the toggle and the page", () => {
    expect(buildRequestQuery({ search: "  lefèvre attestation ", openOnly: true, page: 2 })).toEqual({
      search: "lefèvre attestation",
      openOnly: true,
      limit: REQUEST_PAGE_SIZE,
      offset: 2 * REQUEST_PAGE_SIZE,
    });
  });

  it("sends no search for blanks, and never a negative offset", () => {
    expect(buildRequestQuery({ search: "   ", openOnly: false, page: -1 }, 20)).toEqual({
      search: null,
      openOnly: false,
      limit: 20,
      offset: 0,
    });
  });

  it("counts the open requests with a one-row page", () => {
    expect(openCountQuery()).toEqual({ openOnly: true, limit: 1, offset: 0 });
  });
});

describe("the status of a request", () => {
  it("open: neither closed nor become a complaint", () => {
    const r = request();
    expect(isRequestOpen(r)).toBe(true);
    expect(requestStatus(r)).toEqual({ kind: "open", text: "Ouverte", reference: null, note: null });
    expect(requestStatusText(r)).toBe("Ouverte");
  });

  it("closed: the date in French and what was done", () => {
    const r = request({ closedOn: "2026-04-09", closingNote: " Attestation envoyée par e-mail. " });
    expect(isRequestOpen(r)).toBe(false);
    expect(requestStatus(r)).toEqual({
      kind: "closed",
      text: "Close le 09/04/2026",
      reference: null,
      note: "Attestation envoyée par e-mail.",
    });
    expect(requestStatusText(r)).toBe("Close le 09/04/2026 : Attestation envoyée par e-mail.");
    expect(requestStatus(request({ closedOn: "2026-04-09", closingNote: "  " })).note).toBeNull();
  });

  it("become a complaint: its reference", () => {
    const r = request({ toComplaint: "REC-2026-0042" });
    expect(isRequestOpen(r)).toBe(false);
    expect(requestStatus(r)).toEqual({ kind: "complaint", text: "Devenue la réclamation", reference: "REC-2026-0042", note: null });
    expect(requestStatusText(r)).toBe("Devenue la réclamation REC-2026-0042");
  });

  it("says which complaint it came from", () => {
    expect(originText(request())).toBeNull();
    expect(originText(request({ fromComplaint: "REC-2026-0007" }))).toBe("Issue de la réclamation REC-2026-0007");
  });
});

describe("the list", () => {
  it("cuts a long description at a word, on one line", () => {
    expect(excerpt("Courte\ndemande")).toBe("Courte demande");
    const long = "Le client demande une attestation d'assurance pour son nouveau bailleur avant la fin du mois";
    expect(excerpt(long, 40)).toBe("Le client demande une attestation…");
    expect(excerpt("x".repeat(50), 10)).toBe(`${"x".repeat(10)}…`);
  });

  it("counts in French", () => {
    expect(formatRequestCount(0)).toBe("0 demande");
    expect(formatRequestCount(1)).toBe("1 demande");
    expect(formatRequestCount(1234)).toBe("1\u202F234 demandes");
  });

  it("says why the list is empty", () => {
    expect(emptyListText({ search: "", openOnly: false })).toBe("Aucune demande d'information.");
    expect(emptyListText({ search: "", openOnly: true })).toBe("Aucune demande ouverte.");
    expect(emptyListText({ search: "dupont", openOnly: true })).toBe("Aucune demande ne correspond à cette recherche.");
  });
});

describe("closing a request", () => {
  it("starts today, and needs a date and what was done", () => {
    expect(emptyCloseForm("2026-05-07")).toEqual({ on: "2026-05-07", note: "" });
    expect(closeFormMissing({ on: "", note: "  " })).toEqual({
      on: "Indiquez la date de clôture (jj/mm/aaaa).",
      note: "Indiquez la réponse apportée ou la suite donnée.",
    });
    expect(closeFormMissing({ on: "2026-05-07", note: "Rappelé le client" })).toEqual({});
  });

  it("gives each row's form its own ids", () => {
    expect(closeFormInputs(5)).toEqual({ on: "request-close-on-5", note: "request-close-note-5" });
  });
});

describe("requalifying a request as a complaint", () => {
  it("prefills the complaint form from the request", () => {
    const form = requestToComplaintForm(request(), "2026-05-07", "Paul Durand");
    expect(form).toEqual({
      ...emptyComplaintForm("2026-05-07", "Paul Durand"),
      clientName: "Martine Lefèvre",
      channel: "phone",
      receivedOn: "2026-04-02",
      description: "Demande d'attestation d'assurance habitation pour son bailleur.",
    });
  });

  it("needs the reason, the client's name and the description", () => {
    const form = requestToComplaintForm(request(), "2026-05-07", null);
    expect(requalifyMissing(form, "Le client conteste en fait un refus")).toEqual({});
    expect(requalifyMissing({ ...form, clientName: " ", description: "" }, "  ")).toEqual({
      reason: "Indiquez pourquoi la demande est en fait une réclamation.",
      "client.name": "Indiquez le nom du client.",
      description: "Décrivez le mécontentement exprimé.",
    });
  });

  it("finds every problem of the complaint's fields at once", () => {
    const form = requestToComplaintForm(request(), "2026-05-07", null);
    const missing = requalifyMissing({ ...form, clientPhone: "abc", sentOn: "2026-04-03" }, "Refus contesté", "2026-05-07");
    expect(Object.keys(missing)).toEqual(["client.phone", "sentOn"]);
    expect(missing.sentOn).toContain("postérieure à la date de réception");
  });

  it("announces the complaint and the request it comes from", () => {
    expect(requalifiedText("REC-2026-0042", 12)).toBe("Réclamation REC-2026-0042 enregistrée à partir de la demande n°\u00A012");
  });
});

describe("routeError", () => {
  const known = ["client.name", "description", "receivedOn", "reason"];

  it("puts a refused field next to it", () => {
    expect(routeError({ code: "validation", message: "motif obligatoire", field: "reason" }, known)).toEqual({
      fields: { reason: "motif obligatoire" },
      general: null,
    });
    expect(routeError({ code: "validation", message: "nom obligatoire", field: "input.client.name" }, known).fields).toEqual({
      "client.name": "nom obligatoire",
    });
  });

  it("puts every refused field next to it when the core refuses several", () => {
    const err = {
      code: "validation",
      message: "nom obligatoire",
      field: "client.name",
      fields: [
        { field: "client.name", message: "nom obligatoire" },
        { field: "description", message: "description obligatoire" },
        { field: "request", message: "la demande n° 12 est close depuis le 09/04/2026" },
      ],
    };
    expect(routeError(err, known)).toEqual({
      fields: { "client.name": "nom obligatoire", description: "description obligatoire" },
      general: "la demande n° 12 est close depuis le 09/04/2026",
    });
  });

  it("a request no longer open, or no field at all, goes to the banner", () => {
    expect(
      routeError({ code: "validation", message: "la demande n° 12 est devenue la réclamation REC-2026-0042", field: "request" }, known),
    ).toEqual({ fields: {}, general: "la demande n° 12 est devenue la réclamation REC-2026-0042" });
    expect(routeError({ code: "database", message: "base verrouillée" }, known)).toEqual({ fields: {}, general: "base verrouillée" });
  });
});
