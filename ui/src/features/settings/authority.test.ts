import { describe, expect, it } from "vitest";
import type { SettingEntry } from "../../lib/backend/types";
import {
  AUTHORITY_KEYS,
  amountForInput,
  amountForWire,
  authorityEntries,
  isAuthorityKey,
  roleAuthority,
  userGestureLabel,
} from "./authority";

// As the core sends them (src/settings.rs), in another order to check the sorting.
const ENTRIES: SettingEntry[] = [
  { key: "firm.name", label: "Nom du cabinet", value: "Cabinet" },
  { key: "authority.documentFrom", label: "Montant au-delà duquel un document interne est joint", value: "100.00" },
  { key: "authority.advisor", label: "Geste commercial qu'un conseiller accorde seul", value: "50.00" },
  {
    key: "authority.supervisor",
    label: "Geste commercial qu'un responsable accorde seul (vide : sans plafond)",
    value: "",
  },
  { key: "authority.reasonFrom", label: "Geste commercial à partir duquel un motif est noté", value: "20.00" },
  { key: "auth.idleMinutes", label: "Verrouillage après inactivité (minutes)", value: "15" },
];

describe("authority thresholds", () => {
  it("recognises the four keys", () => {
    for (const key of ["authority.reasonFrom", "authority.advisor", "authority.supervisor", "authority.documentFrom"]) {
      expect(isAuthorityKey(key), key).toBe(true);
    }
    expect(isAuthorityKey("firm.name")).toBe(false);
    expect(isAuthorityKey("auth.idleMinutes")).toBe(false);
  });

  it("lists them in the seed's order, with the core's labels", () => {
    const shown = authorityEntries(ENTRIES);
    expect(shown.map((e) => e.key)).toEqual(AUTHORITY_KEYS);
    expect(shown.map((e) => e.label)).toEqual([
      "Geste commercial à partir duquel un motif est noté",
      "Geste commercial qu'un conseiller accorde seul",
      "Geste commercial qu'un responsable accorde seul (vide : sans plafond)",
      "Montant au-delà duquel un document interne est joint",
    ]);
    // A key the core does not send is simply left out.
    expect(authorityEntries(ENTRIES.filter((e) => e.key !== "authority.reasonFrom")).map((e) => e.key)).toEqual([
      "authority.advisor",
      "authority.supervisor",
      "authority.documentFrom",
    ]);
  });

  it("shows amounts with a decimal comma and sends wire amounts", () => {
    expect(amountForInput("20.00")).toBe("20,00");
    expect(amountForInput("")).toBe("");
    expect(amountForInput("abc")).toBe("abc");
    expect(amountForWire("20,5")).toBe("20.50");
    expect(amountForWire("1 000 €")).toBe("1000.00");
    // Empty: the supervisor's "no ceiling" (the core refuses it for the other thresholds).
    expect(amountForWire("")).toBe("");
    expect(amountForWire("vingt")).toBeUndefined();
  });

  it("reads the role's ceiling", () => {
    expect(roleAuthority("advisor", ENTRIES)).toBe("50.00");
    expect(roleAuthority("supervisor", ENTRIES)).toBe("none");
    expect(roleAuthority("manager", ENTRIES)).toBe("none");
    expect(roleAuthority("advisor", [])).toBeNull();
    expect(roleAuthority("supervisor", [{ key: "authority.supervisor", label: "", value: "300.00" }])).toBe("300.00");
  });

  it("describes each user's limit", () => {
    expect(userGestureLabel({ role: "advisor", maxGesture: "80.00" }, ENTRIES)).toBe("80,00\u00A0€");
    expect(userGestureLabel({ role: "advisor", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (50,00\u00A0€)");
    expect(userGestureLabel({ role: "supervisor", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (sans plafond)");
    expect(userGestureLabel({ role: "manager", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (sans plafond)");
    expect(userGestureLabel({ role: "advisor", maxGesture: null }, [])).toBe("Par défaut du rôle");
    expect(userGestureLabel({ role: "supervisor", maxGesture: "" }, [])).toBe("Par défaut du rôle");
  });
});
