import { describe, expect, it } from "vitest";
import { emptyComplaintForm, emptyRequestForm } from "./form";
import {
  AMOUNT_INVALID,
  EMAIL_INVALID,
  PHONE_INVALID,
  complaintFormProblems,
  dateProblems,
  emailProblem,
  futureDateProblem,
  phoneProblem,
  requestFormProblems,
  sentAfterReceivedProblem,
  withoutField,
  withoutFields,
} from "./validation";

const TODAY = "2026-05-07";

describe("phoneProblem", () => {
  it("takes the usual ways of writing a number", () => {
    for (const ok of ["", "01 23 45 67 89", "01.23.45.67.89", "01-23-45-67-89", "+33 1 23 45 67 89", "+33 (0)1 23 45 67 89", "0123456789"]) {
      expect(phoneProblem(ok), ok).toBeNull();
    }
  });

  it("flags letters and numbers without a digit", () => {
    expect(phoneProblem("abc")).toBe(PHONE_INVALID);
    expect(phoneProblem("01 23 45 67 8O")).toBe(PHONE_INVALID);
    expect(phoneProblem("06 12 34 56 78 (bureau)")).toBe(PHONE_INVALID);
    expect(phoneProblem("+ - .")).toBe(PHONE_INVALID);
  });

  it("asks for six digits at least, as the core does", () => {
    expect(phoneProblem("12")).toBe(PHONE_INVALID);
    expect(phoneProblem("12 34 5")).toBe(PHONE_INVALID);
    expect(phoneProblem("123 456")).toBeNull();
    expect(phoneProblem("06/12/34/56/78")).toBeNull();
  });
});

describe("emailProblem", () => {
  it("takes an address the core takes", () => {
    expect(emailProblem("")).toBeNull();
    expect(emailProblem(" claire.martin@cabinet.fr ")).toBeNull();
  });

  it("flags what the core refuses", () => {
    for (const bad of ["claire", "claire@cabinet", "@cabinet.fr", "claire@.fr", "claire@cabinet.", "claire martin@cabinet.fr"]) {
      expect(emailProblem(bad), bad).toBe(EMAIL_INVALID);
    }
  });
});

describe("dates", () => {
  it("flags a date after today", () => {
    expect(futureDateProblem("2026-05-07", TODAY)).toBeNull();
    expect(futureDateProblem("2026-05-08", TODAY)).toBe("Date dans le futur (08/05/2026)\u00a0: nous sommes le 07/05/2026");
    expect(futureDateProblem("", TODAY)).toBeNull();
    expect(futureDateProblem("2026-05-08", "")).toBeNull();
  });

  it("flags a complaint sent after it was received", () => {
    expect(sentAfterReceivedProblem("2026-05-02", "2026-05-05")).toBeNull();
    expect(sentAfterReceivedProblem("2026-05-05", "2026-05-05")).toBeNull();
    expect(sentAfterReceivedProblem("2026-05-06", "2026-05-05")).toBe(
      "La date d'envoi (06/05/2026) est postérieure à la date de réception (05/05/2026)",
    );
    expect(sentAfterReceivedProblem("", "2026-05-05")).toBeNull();
  });

  it("says the future first, by field", () => {
    expect(dateProblems({ sentOn: "", receivedOn: "2026-05-01" }, TODAY)).toEqual({});
    expect(dateProblems({ sentOn: "2026-05-09", receivedOn: "2026-05-08" }, TODAY)).toEqual({
      sentOn: "Date dans le futur (09/05/2026)\u00a0: nous sommes le 07/05/2026",
      receivedOn: "Date dans le futur (08/05/2026)\u00a0: nous sommes le 07/05/2026",
    });
    expect(dateProblems({ sentOn: "2026-05-04", receivedOn: "2026-05-02" }, TODAY)).toEqual({
      sentOn: "La date d'envoi (04/05/2026) est postérieure à la date de réception (02/05/2026)",
    });
  });
});

describe("complaintFormProblems", () => {
  it("finds nothing wrong with a complete form", () => {
    const f = { ...emptyComplaintForm(TODAY, "Claire"), clientName: "Mme Roux", description: "Refus" };
    expect(complaintFormProblems(f, TODAY)).toEqual({});
  });

  it("reports every problem at once, in page order", () => {
    const f = {
      ...emptyComplaintForm(TODAY, "Claire"),
      clientEmail: "roux",
      clientPhone: "abc",
      sentOn: "2026-05-06",
      receivedOn: "2026-05-05",
      amountClaimed: "12,345",
    };
    const problems = complaintFormProblems(f, TODAY);
    expect(Object.keys(problems)).toEqual([
      "client.name",
      "client.email",
      "client.phone",
      "sentOn",
      "description",
      "amountClaimed",
    ]);
    expect(problems["client.name"]).toBe("Indiquez le nom du client.");
    expect(problems["client.email"]).toBe(EMAIL_INVALID);
    expect(problems["client.phone"]).toBe(PHONE_INVALID);
    expect(problems.sentOn).toContain("postérieure à la date de réception");
    expect(problems.description).toBe("Décrivez le mécontentement exprimé.");
    expect(problems.amountClaimed).toBe(AMOUNT_INVALID);
  });

  it("asks for a missing reception date, and refuses one in the future", () => {
    const base = { ...emptyComplaintForm(TODAY, null), clientName: "M. Petit", description: "Retard" };
    expect(complaintFormProblems({ ...base, receivedOn: "" }, TODAY)).toEqual({ receivedOn: "Indiquez la date de réception." });
    expect(complaintFormProblems({ ...base, receivedOn: "2026-06-01" }, TODAY).receivedOn).toContain("Date dans le futur");
  });
});

describe("requestFormProblems", () => {
  it("reports every missing field at once", () => {
    expect(requestFormProblems({ ...emptyRequestForm(TODAY), receivedOn: "" }, TODAY)).toEqual({
      clientName: "Indiquez le nom du client.",
      receivedOn: "Indiquez la date de réception.",
      description: "Résumez la demande.",
    });
    expect(requestFormProblems({ clientName: "A", channel: "phone", receivedOn: "2027-01-01", description: "B" }, TODAY)).toEqual({
      receivedOn: "Date dans le futur (01/01/2027)\u00a0: nous sommes le 07/05/2026",
    });
  });
});

describe("withoutField", () => {
  it("drops the field edited and the dates it is checked against", () => {
    const errors = { "client.name": "a", sentOn: "b", receivedOn: "c" };
    expect(withoutField(errors, "client.name")).toEqual({ sentOn: "b", receivedOn: "c" });
    expect(withoutField(errors, "receivedOn")).toEqual({ "client.name": "a" });
    expect(withoutField(errors, "sentOn")).toEqual({ "client.name": "a" });
  });

  it("keeps the same object when nothing goes (no needless redraw)", () => {
    const errors = { description: "d" };
    expect(withoutField(errors, "client.phone")).toBe(errors);
  });

  it("drops several fields", () => {
    expect(withoutFields({ a: "1", b: "2", c: "3" }, ["a", "c"])).toEqual({ b: "2" });
  });
});
