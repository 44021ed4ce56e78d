import { describe, expect, it } from "vitest";
import type { SettingEntry } from "../../lib/backend/types";
import { amountForInput, amountForWire, isAuthorityKey, roleAuthority, userGestureLabel } from "./authority";

const ENTRIES: SettingEntry[] = [
  { key: "firm.name", label: "Nom du cabinet", value: "Cabinet" },
  { key: "authority.advisor", label: "Conseiller", value: "20.00" },
  { key: "authority.supervisor", label: "Responsable", value: "100.00" },
];

describe("authority thresholds", () => {
  it("recognises the keys", () => {
    expect(isAuthorityKey("authority.advisor")).toBe(true);
    expect(isAuthorityKey("authority.supervisor")).toBe(true);
    expect(isAuthorityKey("firm.name")).toBe(false);
  });

  it("shows amounts with a decimal comma and sends wire amounts", () => {
    expect(amountForInput("20.00")).toBe("20,00");
    expect(amountForInput("")).toBe("");
    expect(amountForInput("abc")).toBe("abc");
    expect(amountForWire("20,5")).toBe("20.50");
    expect(amountForWire("1 000 €")).toBe("1000.00");
    expect(amountForWire("")).toBe("");
    expect(amountForWire("vingt")).toBeUndefined();
  });

  it("reads the role's threshold", () => {
    expect(roleAuthority("advisor", ENTRIES)).toBe("20.00");
    expect(roleAuthority("supervisor", ENTRIES)).toBe("100.00");
    expect(roleAuthority("manager", ENTRIES)).toBeNull();
    expect(roleAuthority("advisor", [])).toBeNull();
  });

  it("describes each user's limit", () => {
    expect(userGestureLabel({ role: "advisor", maxGesture: "50.00" }, ENTRIES)).toBe("50,00\u00A0€");
    expect(userGestureLabel({ role: "advisor", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (20,00\u00A0€)");
    expect(userGestureLabel({ role: "supervisor", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (100,00\u00A0€)");
    expect(userGestureLabel({ role: "manager", maxGesture: null }, ENTRIES)).toBe("Par défaut du rôle (sans plafond)");
    expect(userGestureLabel({ role: "advisor", maxGesture: null }, [])).toBe("Par défaut du rôle");
  });
});
