import { describe, expect, it } from "vitest";
import type { CertificateInfo } from "../../lib/backend/types";
import {
  MIN_PASSPHRASE,
  certificateHolder,
  certificateRetired,
  fileName,
  importProblems,
  revokeReasonProblem,
  routeImportError,
  formatFingerprint,
  isCertificateLocked,
  nameAttributes,
  newPassphraseProblems,
  passphraseLength,
  routeCreateError,
  routeUnlockError,
  unlockPassphraseProblem,
  validityOn,
  validityText,
} from "./certificate";

// As the core writes them (x509 names and times, SHA-256 in lowercase hex).
const INFO: CertificateInfo = {
  subject: "CN=Cabinet Durand,OU=ORIAS 12345678,O=Cabinet Durand,C=FR",
  issuer: "CN=Cabinet Durand,OU=ORIAS 12345678,O=Cabinet Durand,C=FR",
  selfSigned: true,
  notBefore: "2026-05-07T09:12:00Z",
  notAfter: "2029-05-06T09:12:00Z",
  fingerprint: "3f9a0c12" + "ab".repeat(28),
  key: "ECDSA P-256",
  revokedOn: null,
};

const LOCKED =
  "le certificat du cabinet est verrouillé : saisissez sa phrase secrète pour signer la lettre " +
  "(Paramètres → Certificat, ou RECLAM_CERT_PASSPHRASE)";

describe("newPassphraseProblems", () => {
  it("asks for a passphrase, then 10 characters at least", () => {
    expect(MIN_PASSPHRASE).toBe(10);
    expect(newPassphraseProblems("", "")).toEqual({ passphrase: "Saisissez la phrase secrète." });
    expect(newPassphraseProblems("court", "court")).toEqual({
      passphrase: "La phrase secrète doit compter 10\u00A0caractères au moins.",
    });
    expect(newPassphraseProblems("123456789", "123456789").passphrase).toBeDefined();
    expect(newPassphraseProblems("1234567890", "1234567890")).toEqual({});
  });

  it("wants the same passphrase twice", () => {
    expect(newPassphraseProblems("une phrase longue", "")).toEqual({
      confirmation: "Saisissez la phrase secrète une seconde fois.",
    });
    expect(newPassphraseProblems("une phrase longue", "une phrase longe")).toEqual({
      confirmation: "Les deux phrases secrètes saisies sont différentes.",
    });
    // Spaces count: nothing is trimmed from a secret.
    expect(newPassphraseProblems("une phrase longue", "une phrase longue ").confirmation).toBeDefined();
  });

  it("counts characters as the core does (accents and emoji are one each)", () => {
    expect(passphraseLength("éééééééééé")).toBe(10);
    expect(passphraseLength("🔒🔒🔒🔒🔒")).toBe(5);
    expect(newPassphraseProblems("🔒🔒🔒🔒🔒🔒🔒🔒🔒", "🔒🔒🔒🔒🔒🔒🔒🔒🔒").passphrase).toBeDefined();
    expect(newPassphraseProblems("été à Sète", "été à Sète")).toEqual({});
  });
});

describe("unlockPassphraseProblem", () => {
  it("only asks for something typed (the core says whether it is right)", () => {
    expect(unlockPassphraseProblem("")).toBe("Saisissez la phrase secrète du certificat.");
    expect(unlockPassphraseProblem("x")).toBeNull();
  });
});

describe("routeCreateError", () => {
  it("puts the core's length refusal beside the passphrase", () => {
    const routed = routeCreateError({
      code: "validation",
      field: "certificate",
      message: "la phrase secrète du certificat doit compter 10 caractères au moins",
    });
    expect(routed).toEqual({
      passphrase: "La phrase secrète du certificat doit compter 10 caractères au moins",
      settings: [],
      general: null,
    });
  });

  it("lists every missing firm setting with its key", () => {
    const routed = routeCreateError({
      code: "validation",
      field: "firm.name",
      message: "renseignez le nom du cabinet (Paramètres) : il est le nom du certificat",
      fields: [
        { field: "firm.name", message: "renseignez le nom du cabinet (Paramètres) : il est le nom du certificat" },
        { field: "firm.orias", message: "renseignez le numéro ORIAS du cabinet (Paramètres) : le certificat le porte" },
      ],
    });
    expect(routed.passphrase).toBeNull();
    expect(routed.general).toBeNull();
    expect(routed.settings).toEqual([
      { key: "firm.name", message: "Renseignez le nom du cabinet (Paramètres) : il est le nom du certificat" },
      { key: "firm.orias", message: "Renseignez le numéro ORIAS du cabinet (Paramètres) : le certificat le porte" },
    ]);
  });

  it("keeps anything else above the button", () => {
    expect(
      routeCreateError({
        code: "validation",
        field: "certificate",
        message: "le cabinet a déjà un certificat : il ne se remplace pas ici",
      }),
    ).toEqual({ passphrase: null, settings: [], general: "Le cabinet a déjà un certificat : il ne se remplace pas ici" });
    expect(routeCreateError({ code: "forbidden", message: "seul un dirigeant peut créer le certificat du cabinet" }).general).toBe(
      "Seul un dirigeant peut créer le certificat du cabinet",
    );
  });
});

describe("routeUnlockError", () => {
  it("shows a wrong passphrase beside the field, the rest apart", () => {
    expect(routeUnlockError({ code: "validation", field: "passphrase", message: "phrase secrète du certificat incorrecte" })).toEqual({
      passphrase: "Phrase secrète du certificat incorrecte",
      general: null,
    });
    expect(routeUnlockError({ code: "validation", field: "certificate", message: "certificat illisible : x" })).toEqual({
      passphrase: null,
      general: "Certificat illisible : x",
    });
  });
});

describe("isCertificateLocked", () => {
  it("knows the core's refusal of a letter while the key is locked", () => {
    expect(isCertificateLocked({ field: "certificate", message: LOCKED })).toBe(true);
  });

  it("leaves other refusals to the usual messages", () => {
    expect(isCertificateLocked({ field: "certificate", message: "le certificat du cabinet a expiré le 2029-05-06T09:12:00Z" })).toBe(false);
    expect(isCertificateLocked({ field: "passphrase", message: LOCKED })).toBe(false);
    expect(isCertificateLocked({ message: LOCKED })).toBe(false);
    expect(isCertificateLocked(null)).toBe(false);
  });
});

describe("formatFingerprint", () => {
  it("groups the hex digits by 4", () => {
    const shown = formatFingerprint(INFO.fingerprint);
    expect(shown.startsWith("3f9a 0c12 abab")).toBe(true);
    expect(shown.split(" ")).toHaveLength(16);
    expect(shown.replace(/ /g, "")).toBe(INFO.fingerprint);
  });

  it("drops separators and keeps a short last block", () => {
    expect(formatFingerprint("3F:9A:0C:12:AB")).toBe("3F9A 0C12 AB");
    expect(formatFingerprint(" 3f9a 0c12 ")).toBe("3f9a 0c12");
  });

  it("shows what is not hex as it is", () => {
    expect(formatFingerprint("")).toBe("");
    expect(formatFingerprint("inconnue")).toBe("inconnue");
  });
});

describe("certificateHolder / nameAttributes", () => {
  it("reads the firm from the common name", () => {
    expect(certificateHolder(INFO.subject)).toBe("Cabinet Durand");
    expect(nameAttributes(INFO.subject)).toEqual([
      ["CN", "Cabinet Durand"],
      ["OU", "ORIAS 12345678"],
      ["O", "Cabinet Durand"],
      ["C", "FR"],
    ]);
  });

  it("keeps escaped commas inside a value", () => {
    expect(certificateHolder("C=FR,O=Durand\\, Martin et associés,CN=Durand\\, Martin et associés")).toBe(
      "Durand, Martin et associés",
    );
  });

  it("falls back to the whole name without a common name", () => {
    expect(certificateHolder("O=Cabinet Durand,C=FR")).toBe("O=Cabinet Durand,C=FR");
    expect(certificateHolder("")).toBe("");
  });
});

describe("validityText / validityOn", () => {
  it("shows the certificate's days", () => {
    expect(validityText(INFO)).toBe("du 07/05/2026 au 06/05/2029");
  });

  it("tells whether it may sign today, by the day", () => {
    expect(validityOn(INFO, "2026-05-07")).toBe("valid");
    expect(validityOn(INFO, "2029-05-06")).toBe("valid");
    expect(validityOn(INFO, "2026-05-06")).toBe("notYet");
    expect(validityOn(INFO, "2029-05-07")).toBe("expired");
    // The app's date not known yet: nothing to warn about.
    expect(validityOn(INFO, "")).toBe("valid");
  });
});

describe("importing a .p12", () => {
  it("asks for the file and a new passphrase typed twice, all at once", () => {
    expect(importProblems(null, "", "")).toEqual({
      file: "Choisissez le fichier du certificat (.p12 ou .pfx).",
      passphrase: "Saisissez la phrase secrète.",
    });
    expect(importProblems("/home/c/cabinet.p12", "1234567890", "1234567891")).toEqual({
      confirmation: "Les deux phrases secrètes saisies sont différentes.",
    });
    expect(importProblems("C:\\Certificats\\cabinet.pfx", "1234567890", "1234567890")).toEqual({});
  });

  it("names the file from its path on every platform", () => {
    expect(fileName("/home/claire/cabinet.p12")).toBe("cabinet.p12");
    expect(fileName("C:\\Users\\Claire\\Documents\\cabinet.pfx")).toBe("cabinet.pfx");
  });

  it("puts each of the core's refusals beside its field", () => {
    const err = (field: string, message: string) => ({ code: "validation", field, message, fields: [] }) as never;
    expect(routeImportError(err("certificate", "mot de passe du fichier .p12 incorrect"))).toEqual({
      password: "Mot de passe du fichier .p12 incorrect",
    });
    expect(
      routeImportError(err("certificate", "le fichier n'est pas un certificat .p12 (ou .pfx) lisible : x")).file,
    ).toMatch(/^Le fichier n'est pas un certificat/);
    expect(
      routeImportError(err("file", "impossible de lire « /tmp/a.p12 » : fichier introuvable")).file,
    ).toMatch(/fichier introuvable/);
    expect(
      routeImportError(err("certificate", "la phrase secrète du certificat doit compter 10 caractères au moins"))
        .passphrase,
    ).toBeDefined();
    expect(
      routeImportError(err("certificate", "le cabinet a déjà un certificat valable : confirmez son remplacement")).general,
    ).toMatch(/confirmez son remplacement/);
  });
});

describe("revocation", () => {
  it("asks why", () => {
    expect(revokeReasonProblem("  ")).toMatch(/pourquoi le certificat est révoqué/);
    expect(revokeReasonProblem("ordinateur volé")).toBeNull();
  });

  it("a revoked or expired certificate signs no more", () => {
    expect(certificateRetired(INFO, "2027-01-01")).toBe(false);
    expect(certificateRetired({ ...INFO, revokedOn: "2027-01-02T10:00:00Z" }, "2027-01-03")).toBe(true);
    expect(certificateRetired(INFO, "2029-05-07")).toBe(true);
  });
});
