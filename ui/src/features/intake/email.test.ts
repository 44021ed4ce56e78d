import { describe, expect, it } from "vitest";
import type { NewComplaint } from "../../lib/backend/types";
import { emptyComplaintForm } from "../complaint/form";
import {
  NOT_AN_EMAIL,
  addedEmailToast,
  attachmentLine,
  attachmentSize,
  attachmentsBroughtIn,
  emailExchangeToast,
  fileName,
  firstEmailPath,
  formWithEmail,
  isEmailPath,
  keepSubscription,
  recordedFromEmailToast,
  routeEmailError,
  warningLines,
} from "./email";

const proposal = (over: Partial<NewComplaint> = {}): NewComplaint => ({
  client: { name: "Jeanne Martin", email: "jeanne.martin@example.fr" },
  channel: "email",
  sentOn: "2026-05-04",
  receivedOn: "2026-05-04",
  subject: "other",
  description: "Objet du message : Sinistre refusé\n\nBonjour…",
  contract: {},
  otherParties: [],
  personsConcerned: [],
  receivedBy: "Claire",
  handler: null,
  amountClaimed: null,
  ...over,
});

describe("isEmailPath", () => {
  it("accepts .eml and .msg whatever the case", () => {
    expect(isEmailPath("/home/claire/plainte.eml")).toBe(true);
    expect(isEmailPath("C:\\Users\\claire\\Bureau\\Plainte.MSG")).toBe(true);
    expect(isEmailPath("relance.Eml")).toBe(true);
  });

  it("refuses other files, names without extension and look-alikes", () => {
    expect(isEmailPath("/tmp/courrier.pdf")).toBe(false);
    expect(isEmailPath("/tmp/eml")).toBe(false);
    expect(isEmailPath("/tmp/.eml")).toBe(false);
    expect(isEmailPath("/tmp/message.eml.pdf")).toBe(false);
    expect(isEmailPath("/tmp/message.emlx")).toBe(false);
    expect(isEmailPath("/tmp/dossier.eml/lettre.txt")).toBe(false);
    expect(isEmailPath("")).toBe(false);
  });
});

describe("firstEmailPath", () => {
  it("picks the first e-mail among the dropped files", () => {
    expect(firstEmailPath(["/a/devis.pdf", "/a/un.msg", "/a/deux.eml"])).toBe("/a/un.msg");
  });

  it("is null when no dropped file is an e-mail", () => {
    expect(firstEmailPath(["/a/devis.pdf", "/a/photo.jpg"])).toBeNull();
    expect(firstEmailPath([])).toBeNull();
  });

  it("says in French what may be dropped", () => {
    expect(NOT_AN_EMAIL).toBe("Seuls les e-mails enregistrés (.eml, .msg) peuvent être déposés ici");
  });
});

describe("fileName", () => {
  it("keeps the last part of a Unix or Windows path", () => {
    expect(fileName("/home/claire/plainte.eml")).toBe("plainte.eml");
    expect(fileName("C:\\Mails\\plainte.msg")).toBe("plainte.msg");
    expect(fileName("plainte.eml")).toBe("plainte.eml");
  });
});

describe("attachment sizes", () => {
  it("reads in octets, Ko and Mo", () => {
    expect(attachmentSize(820)).toBe("820\u00A0o");
    expect(attachmentSize(12_595)).toBe("12,3\u00A0Ko");
    expect(attachmentSize(4_718_592)).toBe("4,5\u00A0Mo");
  });

  it("gives the name and the size of an attachment", () => {
    expect(attachmentLine({ name: "devis.pdf", size: 2048 })).toBe("devis.pdf (2,0\u00A0Ko)");
  });
});

describe("warningLines", () => {
  it("turns the core's warnings into sentences and drops blank ones", () => {
    expect(warningLines(["l'expéditeur n'a pas de nom", "  "])).toEqual(["L'expéditeur n'a pas de nom"]);
  });
});

describe("formWithEmail", () => {
  const blank = emptyComplaintForm("2026-05-10", "Claire");

  it("fills the client, channel, dates and description, the subject left as other", () => {
    const f = formWithEmail({ ...blank, contractNumber: "C-12" }, proposal());
    expect(f.clientName).toBe("Jeanne Martin");
    expect(f.clientEmail).toBe("jeanne.martin@example.fr");
    expect(f.channel).toBe("email");
    expect(f.sentOn).toBe("2026-05-04");
    expect(f.receivedOn).toBe("2026-05-04");
    expect(f.subject).toBe("other");
    expect(f.description).toBe("Objet du message : Sinistre refusé\n\nBonjour…");
    expect(f.contractNumber).toBe("C-12");
    expect(f.receivedBy).toBe("Claire");
  });

  it("keeps what was typed where the message gives nothing", () => {
    const typed = { ...blank, clientName: "M. Durand", clientEmail: "durand@example.fr", sentOn: "2026-05-02" };
    const f = formWithEmail(typed, proposal({ client: { name: "", email: null }, sentOn: null, receivedOn: "2026-05-10" }));
    expect(f.clientName).toBe("M. Durand");
    expect(f.clientEmail).toBe("durand@example.fr");
    expect(f.sentOn).toBe("2026-05-02");
    expect(f.receivedOn).toBe("2026-05-10");
  });

  it("takes the proposed reception by when nobody is set", () => {
    expect(formWithEmail({ ...blank, receivedBy: "" }, proposal()).receivedBy).toBe("Claire");
  });
});

describe("toasts", () => {
  it("says what the recorded complaint keeps", () => {
    expect(recordedFromEmailToast("REC-2026-0007", 2)).toBe(
      "Réclamation REC-2026-0007 enregistrée ; l'e-mail et ses 2 pièces jointes sont gardés dans le dossier",
    );
    expect(recordedFromEmailToast("REC-2026-0007", 1)).toBe(
      "Réclamation REC-2026-0007 enregistrée ; l'e-mail et sa pièce jointe sont gardés dans le dossier",
    );
    expect(recordedFromEmailToast("REC-2026-0007", 0)).toBe(
      "Réclamation REC-2026-0007 enregistrée ; l'e-mail est gardé dans le dossier",
    );
  });

  it("says what an e-mail added to an open complaint keeps", () => {
    expect(addedEmailToast("REC-2026-0003", 1)).toBe(
      "Ajouté à REC-2026-0003 comme nouvel échange (pas de doublon au registre) ; l'e-mail et sa pièce jointe sont gardés dans le dossier",
    );
  });

  it("says what an e-mail added to the exchanges brought", () => {
    expect(emailExchangeToast(3)).toBe("E-mail ajouté aux échanges avec ses pièces jointes");
    expect(emailExchangeToast(null)).toBe("E-mail ajouté aux échanges avec ses pièces jointes");
    expect(emailExchangeToast(1)).toBe("E-mail ajouté aux échanges avec sa pièce jointe");
    expect(emailExchangeToast(0)).toBe("E-mail ajouté aux échanges ; le message est gardé dans les pièces jointes");
  });

  it("counts the files brought beyond the message", () => {
    expect(attachmentsBroughtIn(2, 5)).toBe(2);
    expect(attachmentsBroughtIn(2, 3)).toBe(0);
    expect(attachmentsBroughtIn(2, 2)).toBeNull();
  });
});

describe("routeEmailError", () => {
  const formFields = ["client.name", "receivedOn", "description"];

  it("shows the refusal of the file at the drop zone", () => {
    expect(routeEmailError({ code: "validation", message: "illisible", field: "file" }, formFields)).toEqual({
      file: "illisible",
      fields: {},
      general: null,
    });
  });

  it("shows a field's refusal next to the field", () => {
    expect(routeEmailError({ code: "validation", message: "obligatoire", field: "input.client.name" }, formFields)).toEqual({
      file: null,
      fields: { "client.name": "obligatoire" },
      general: null,
    });
  });

  it("shows any other refusal in the banner", () => {
    expect(routeEmailError({ code: "db", message: "base verrouillée" }, formFields)).toEqual({
      file: null,
      fields: {},
      general: "base verrouillée",
    });
  });
});

describe("keepSubscription", () => {
  it("stops the subscription once it is in place", async () => {
    let stopped = 0;
    const stop = keepSubscription(async () => () => stopped++);
    await Promise.resolve();
    await Promise.resolve();
    stop();
    expect(stopped).toBe(1);
    stop();
    expect(stopped).toBe(1);
  });

  it("stops a subscription that arrives after the component went away", async () => {
    let stopped = 0;
    let resolve: (f: () => void) => void = () => {};
    const stop = keepSubscription(() => new Promise((r) => (resolve = r)));
    stop();
    resolve(() => stopped++);
    await Promise.resolve();
    await Promise.resolve();
    expect(stopped).toBe(1);
  });

  it("ignores a subscription that fails", async () => {
    const stop = keepSubscription(() => Promise.reject(new Error("no window")));
    await Promise.resolve();
    expect(() => stop()).not.toThrow();
  });
});
