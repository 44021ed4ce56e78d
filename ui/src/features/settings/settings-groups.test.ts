import { describe, expect, it } from "vitest";
import type { SettingEntry } from "../../lib/backend/types";
import {
  INVALID_AMOUNT,
  firstErrorKey,
  groupChanges,
  groupElementId,
  revealSetting,
  routeGroupError,
  settingInputId,
  settingsSectionFor,
  takeRevealedSetting,
} from "./settings-groups";

const entry = (key: string, value: string): SettingEntry => ({ key, label: key, value });

const MEDIATOR = [
  entry("mediator.name", ""),
  entry("mediator.address", ""),
  entry("mediator.website", ""),
];
const MEDIATOR_KEYS = MEDIATOR.map((e) => e.key);

describe("groupChanges", () => {
  it("sends only the changed settings, in the group's order", () => {
    const changes = groupChanges(MEDIATOR, {
      "mediator.website": "www.mediation-assurance.org",
      "mediator.name": "La Médiation de l'Assurance",
      "mediator.address": "",
    });
    expect(changes).toEqual({
      entries: [
        ["mediator.name", "La Médiation de l'Assurance"],
        ["mediator.website", "www.mediation-assurance.org"],
      ],
      invalid: {},
    });
  });

  it("sends nothing when nothing changed", () => {
    const entries = [entry("firm.name", "Cabinet Durand"), entry("firm.email", "")];
    expect(groupChanges(entries, { "firm.name": "Cabinet Durand", "firm.email": "" })).toEqual({ entries: [], invalid: {} });
  });

  it("sends the authority thresholds as wire amounts, and unchanged ones not at all", () => {
    const entries = [entry("authority.reasonFrom", "20.00"), entry("authority.advisor", "50.00"), entry("authority.supervisor", "")];
    const changes = groupChanges(entries, {
      "authority.reasonFrom": "20,00",
      "authority.advisor": "75,5",
      "authority.supervisor": "",
    });
    expect(changes.entries).toEqual([["authority.advisor", "75.50"]]);
    expect(changes.invalid).toEqual({});
  });

  it("flags a threshold that is not an amount", () => {
    const entries = [entry("authority.reasonFrom", "20.00"), entry("authority.advisor", "50.00")];
    const changes = groupChanges(entries, { "authority.reasonFrom": "vingt", "authority.advisor": "60" });
    expect(changes.invalid).toEqual({ "authority.reasonFrom": INVALID_AMOUNT });
    expect(changes.entries).toEqual([["authority.advisor", "60.00"]]);
  });
});

describe("routeGroupError", () => {
  it("puts every missing mediator field beside its input, as sentences", () => {
    const routed = routeGroupError(
      {
        code: "validation",
        message: "l'adresse postale du médiateur manque",
        field: "mediator.address",
        fields: [
          { field: "mediator.address", message: "l'adresse postale du médiateur manque" },
          { field: "mediator.website", message: "le site internet du médiateur manque" },
        ],
      },
      MEDIATOR_KEYS,
      ["mediator.name"],
    );
    expect(routed).toEqual({
      fields: {
        "mediator.address": "L'adresse postale du médiateur manque",
        "mediator.website": "Le site internet du médiateur manque",
      },
      general: null,
    });
  });

  it("puts a single refused setting beside its input", () => {
    expect(routeGroupError({ code: "validation", message: "numéro ORIAS invalide", field: "firm.orias" }, ["firm.name", "firm.orias"])).toEqual({
      fields: { "firm.orias": "Numéro ORIAS invalide" },
      general: null,
    });
  });

  it("puts a refusal naming no setting beside the only one sent, else in the banner", () => {
    expect(routeGroupError({ code: "validation", message: "trop long", field: "value" }, ["firm.name", "firm.email"], ["firm.email"]).fields).toEqual({
      "firm.email": "Trop long",
    });
    expect(routeGroupError({ code: "database", message: "disque plein" }, ["firm.name", "firm.email"], ["firm.email"]).fields).toEqual({
      "firm.email": "Disque plein",
    });
    expect(routeGroupError({ code: "database", message: "disque plein" }, ["firm.name", "firm.email"], ["firm.name", "firm.email"])).toEqual({
      fields: {},
      general: "Disque plein",
    });
  });

  it("sends a setting outside the group to the banner", () => {
    expect(routeGroupError({ code: "validation", message: "inconnu", field: "other.key" }, ["firm.name"], ["firm.name"])).toEqual({
      fields: {},
      general: "Inconnu",
    });
  });
});

describe("firstErrorKey", () => {
  it("follows the group's order", () => {
    expect(firstErrorKey(MEDIATOR_KEYS, { "mediator.website": "x", "mediator.address": "y" })).toBe("mediator.address");
    expect(firstErrorKey(MEDIATOR_KEYS, {})).toBeNull();
  });
});

describe("ids and sections", () => {
  it("names the group forms and the inputs", () => {
    expect(groupElementId("mediator")).toBe("settings-mediator");
    expect(settingInputId("mediator.address")).toBe("setting-mediator-address");
    expect(settingInputId("letters.mediatorInEveryAnswer")).toBe("setting-letters-mediatorInEveryAnswer");
  });

  it("finds the section of a setting", () => {
    expect(settingsSectionFor("mediator.website")).toBe("settings-mediator");
    expect(settingsSectionFor("firm.address")).toBe("settings-firm");
    expect(settingsSectionFor("authority.advisor")).toBe("settings-authority");
    expect(settingsSectionFor("template.answer")).toBe("templates-section");
    expect(settingsSectionFor("letters.mediatorInEveryAnswer")).toBe("settings-prefs");
  });

  it("remembers the setting to reveal once", () => {
    expect(takeRevealedSetting()).toBeNull();
    revealSetting(" mediator.address ");
    expect(takeRevealedSetting()).toBe("mediator.address");
    expect(takeRevealedSetting()).toBeNull();
  });
});
