import { describe, expect, it } from "vitest";
import { DATE_TEXT_INVALID, dateTextProblem } from "./dateText";

describe("dateTextProblem", () => {
  it("says nothing of a real date or an empty field", () => {
    expect(dateTextProblem("")).toBeNull();
    expect(dateTextProblem("  ")).toBeNull();
    expect(dateTextProblem("28/02/2026")).toBeNull();
    expect(dateTextProblem("29/02/2028")).toBeNull();
    expect(dateTextProblem("2026-11-22")).toBeNull();
  });

  it("names the day that does not exist", () => {
    expect(dateTextProblem("31/02/2026")).toBe("Le 31 février 2026 n'existe pas\u00a0: février 2026 compte 28 jours");
    expect(dateTextProblem("31/04/2026")).toBe("Le 31 avril 2026 n'existe pas\u00a0: avril 2026 compte 30 jours");
    expect(dateTextProblem("32.01.2026")).toBe("Le 32 janvier 2026 n'existe pas\u00a0: janvier 2026 compte 31 jours");
    expect(dateTextProblem("30022026")).toBe("Le 30 février 2026 n'existe pas\u00a0: février 2026 compte 28 jours");
    expect(dateTextProblem("2026-02-30")).toBe("Le 30 février 2026 n'existe pas\u00a0: février 2026 compte 28 jours");
    expect(dateTextProblem("00/01/2026")).toBe("Le jour 0 n'existe pas (jj/mm/aaaa)");
  });

  it("says when 29 February falls outside a leap year", () => {
    expect(dateTextProblem("29/02/2027")).toBe("Le 29 février 2027 n'existe pas\u00a0: 2027 n'est pas une année bissextile");
    expect(dateTextProblem("29/02/27")).toBe("Le 29 février 2027 n'existe pas\u00a0: 2027 n'est pas une année bissextile");
  });

  it("names a wrong month or year", () => {
    expect(dateTextProblem("12/13/2026")).toBe("Le mois 13 n'existe pas\u00a0: de 01 à 12 (jj/mm/aaaa)");
    expect(dateTextProblem("12/00/2026")).toBe("Le mois 0 n'existe pas\u00a0: de 01 à 12 (jj/mm/aaaa)");
    expect(dateTextProblem("12/01/0026")).toBe("Année 0026 invalide\u00a0: écrivez-la sur 4 chiffres (jj/mm/aaaa)");
  });

  it("asks for the format when the text is no date (yet)", () => {
    expect(dateTextProblem("22/11/2")).toBe(DATE_TEXT_INVALID);
    expect(dateTextProblem("hier")).toBe(DATE_TEXT_INVALID);
    // While typing, a two-digit year is the beginning of a four-digit one.
    expect(dateTextProblem("22/11/20", false)).toBe(DATE_TEXT_INVALID);
    expect(dateTextProblem("22/11/20")).toBeNull();
  });
});
