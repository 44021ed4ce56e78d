import { describe, expect, it } from "vitest";
import type { PlatformCase } from "../../lib/backend/types";
import {
  PLATFORM_INPUTS,
  PUBLIC_REQUIRED,
  emptyPlatformForm,
  isNothingChanged,
  platformOverdue,
  platformRequest,
  platformToForm,
  ratingText,
  visibilityLabel,
  type PlatformForm,
} from "./platform";

const CASE: PlatformCase = {
  name: "Avis Assurances",
  public: true,
  requestedOn: "2026-03-02",
  respondBy: "2026-03-16",
  rating: 4,
  escalatedOn: null,
};

const FORM: PlatformForm = {
  name: "  Avis Assurances ",
  visibility: "private",
  requestedOn: "2026-03-02",
  respondBy: "",
  escalatedOn: "2026-04-01",
  rating: "2",
};

describe("platformToForm", () => {
  it("starts empty, nothing chosen, when nothing is recorded", () => {
    expect(platformToForm(null)).toEqual(emptyPlatformForm());
    expect(platformToForm(undefined).visibility).toBe("");
  });

  it("prefills what is recorded", () => {
    expect(platformToForm(CASE)).toEqual({
      name: "Avis Assurances",
      visibility: "public",
      requestedOn: "2026-03-02",
      respondBy: "2026-03-16",
      escalatedOn: "",
      rating: "4",
    });
    expect(platformToForm({ name: "X", public: false }).visibility).toBe("private");
  });

  it("gives back the same request once prefilled (saving unchanged changes nothing)", () => {
    expect(platformRequest(platformToForm(CASE))).toEqual({ ok: true, request: CASE });
  });
});

describe("platformRequest", () => {
  it("maps the form to the wire: trimmed name, empty fields null", () => {
    expect(platformRequest(FORM)).toEqual({
      ok: true,
      request: {
        name: "Avis Assurances",
        public: false,
        requestedOn: "2026-03-02",
        respondBy: null,
        rating: 2,
        escalatedOn: "2026-04-01",
      },
    });
  });

  it("sends no rating when none is chosen", () => {
    const check = platformRequest({ ...FORM, rating: "" });
    expect(check.ok && check.request.rating).toBeNull();
  });

  it("asks whether the complaint is public or private before sending anything", () => {
    expect(platformRequest({ ...FORM, visibility: "" })).toEqual({ ok: false, errors: { public: PUBLIC_REQUIRED } });
  });

  it("leaves the name to the core to refuse", () => {
    const check = platformRequest({ ...FORM, name: "   " });
    expect(check.ok && check.request.name).toBe("");
  });

  it("has an input for every field the core refuses", () => {
    for (const f of ["name", "rating", "requestedOn", "respondBy", "escalatedOn"]) {
      expect(PLATFORM_INPUTS[f]).toBeTruthy();
    }
  });
});

describe("isNothingChanged", () => {
  it("recognises the core's refusal of an unchanged save", () => {
    expect(isNothingChanged({ code: "transition", message: "REC-2026-0004 : rien n'a changé" })).toBe(true);
  });

  it("leaves every other refusal alone", () => {
    expect(isNothingChanged({ code: "transition", message: "REC-2026-0004 : la réclamation est arrivée par « Courrier », pas par une plateforme" })).toBe(false);
    expect(isNothingChanged({ code: "validation", message: "rien n'a changé", field: "name" })).toBe(false);
    expect(isNothingChanged({ code: "database", message: "erreur de la base de données" })).toBe(false);
  });
});

describe("platformOverdue", () => {
  it("is true once the platform's deadline is past and no answer was given", () => {
    expect(platformOverdue(CASE, false, false, "2026-03-17")).toBe(true);
  });

  it("is false on the deadline itself, before it, or without one", () => {
    expect(platformOverdue(CASE, false, false, "2026-03-16")).toBe(false);
    expect(platformOverdue(CASE, false, false, "2026-03-10")).toBe(false);
    expect(platformOverdue({ respondBy: null }, false, false, "2026-03-17")).toBe(false);
    expect(platformOverdue(CASE, false, false, "")).toBe(false);
  });

  it("is false once answered, or when the complaint ended (deadlines stopped)", () => {
    expect(platformOverdue(CASE, true, false, "2026-04-01")).toBe(false);
    expect(platformOverdue(CASE, false, true, "2026-04-01")).toBe(false);
  });
});

describe("labels", () => {
  it("words the visibility and the rating", () => {
    expect(visibilityLabel(true)).toBe("Plainte publique");
    expect(visibilityLabel(false)).toBe("Plainte privée");
    expect(ratingText(4)).toBe("4/5");
  });
});
