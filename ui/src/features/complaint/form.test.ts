import { describe, expect, it } from "vitest";
import type { Complaint } from "../../lib/backend/types";
import {
  amountToWire,
  complaintToForm,
  emptyComplaintForm,
  emptyToNull,
  formToNewComplaint,
  isFormDirty,
  isOralChannel,
  parseList,
  requestFormToNewRequest,
} from "./form";

describe("parseList", () => {
  it("splits on commas, semicolons and new lines, trims and drops blanks", () => {
    expect(parseList("Assureur AXA, Expert Dupont\nGestionnaire  ;  ")).toEqual([
      "Assureur AXA",
      "Expert Dupont",
      "Gestionnaire",
    ]);
    expect(parseList("")).toEqual([]);
    expect(parseList(" ,\n\r\n, ")).toEqual([]);
    expect(parseList("Seul")).toEqual(["Seul"]);
  });
});

describe("emptyToNull", () => {
  it("trims and nulls blanks", () => {
    expect(emptyToNull("")).toBeNull();
    expect(emptyToNull("   ")).toBeNull();
    expect(emptyToNull(null)).toBeNull();
    expect(emptyToNull(" a ")).toBe("a");
  });
});

describe("formToNewComplaint", () => {
  it("maps a blank form: defaults kept, empty optional fields become null", () => {
    const form = { ...emptyComplaintForm("2026-05-07", "Claire Martin"), clientName: "  Jean Dupont ", description: "Refus" };
    expect(formToNewComplaint(form)).toEqual({
      client: {
        name: "Jean Dupont",
        address: null,
        email: null,
        phone: null,
        number: null,
        kind: "person",
        relation: "client",
      },
      channel: "letter",
      sentOn: null,
      receivedOn: "2026-05-07",
      subject: "claimSettlement",
      description: "Refus",
      amountClaimed: null,
      contract: { number: null, product: null, insurer: null },
      otherParties: [],
      personsConcerned: [],
      receivedBy: "Claire Martin",
      handler: null,
    });
  });

  it("maps a full form, lists parsed", () => {
    const form = {
      ...emptyComplaintForm("2026-05-07", null),
      clientName: "SARL Boulangerie Petit",
      clientKind: "company" as const,
      clientRelation: "formerClient" as const,
      clientAddress: "12 rue des Lilas\n75011 Paris",
      clientEmail: "contact@petit.fr",
      clientPhone: "01 23 45 67 89",
      clientNumber: "C-0042",
      channel: "phone" as const,
      sentOn: "2026-05-04",
      receivedOn: "2026-05-05",
      subject: "premiumBilling" as const,
      description: "Cotisation prélevée deux fois",
      amountClaimed: " 1 234,5 € ",
      contractNumber: "MRP-778",
      contractProduct: "Multirisque pro",
      contractInsurer: "Assureur X",
      otherParties: "Assureur X, Courtier grossiste",
      personsConcerned: "M. Durand\nMme Leroy",
      receivedBy: "",
      handler: "Paul Bernard",
    };
    const out = formToNewComplaint(form);
    expect(out.client).toEqual({
      name: "SARL Boulangerie Petit",
      address: "12 rue des Lilas\n75011 Paris",
      email: "contact@petit.fr",
      phone: "01 23 45 67 89",
      number: "C-0042",
      kind: "company",
      relation: "formerClient",
    });
    expect(out.sentOn).toBe("2026-05-04");
    expect(out.amountClaimed).toBe("1234.50");
    expect(out.contract).toEqual({ number: "MRP-778", product: "Multirisque pro", insurer: "Assureur X" });
    expect(out.otherParties).toEqual(["Assureur X", "Courtier grossiste"]);
    expect(out.personsConcerned).toEqual(["M. Durand", "Mme Leroy"]);
    expect(out.receivedBy).toBeNull();
    expect(out.handler).toBe("Paul Bernard");
  });
});

describe("complaintToForm", () => {
  const complaint: Complaint = {
    reference: "REC-2026-0001",
    client: { name: "Jean Dupont", address: null, email: "j@d.fr", phone: null, number: null, kind: "person", relation: "client" },
    channel: "email",
    sentOn: null,
    receivedOn: "2026-05-05",
    subject: "claimSettlement",
    description: "Refus d'indemnisation",
    contract: { number: "A1", product: null, insurer: "Assureur X" },
    otherParties: ["Assureur X", "Expert"],
    personsConcerned: [],
    receivedBy: "Claire Martin",
    handler: null,
    amountClaimed: "89.90",
    status: "received",
    acknowledgedOn: null,
    holdings: [],
    answer: null,
    closure: null,
    dysfunctions: [],
    recordedAt: "2026-05-05T09:00:00Z",
    deadlines: { basis: "received", start: "2026-05-05", ackDue: "2026-05-18", answerDue: "2026-07-05" },
  };

  it("round-trips through formToNewComplaint", () => {
    const form = complaintToForm(complaint);
    expect(form.otherParties).toBe("Assureur X\nExpert");
    expect(form.clientAddress).toBe("");
    expect(form.amountClaimed).toBe("89,90");
    const back = formToNewComplaint(form);
    expect(back.client).toEqual({ ...complaint.client });
    expect(back.contract).toEqual(complaint.contract);
    expect(back.otherParties).toEqual(complaint.otherParties);
    expect(back.personsConcerned).toEqual([]);
    expect(back.sentOn).toBeNull();
    expect(back.receivedBy).toBe("Claire Martin");
    expect(back.handler).toBeNull();
    expect(back.amountClaimed).toBe("89.90");
  });

  it("leaves the amount claimed empty when the complaint has none", () => {
    expect(complaintToForm({ ...complaint, amountClaimed: null }).amountClaimed).toBe("");
    expect(complaintToForm({ ...complaint, amountClaimed: undefined }).amountClaimed).toBe("");
  });
});

describe("amountToWire", () => {
  it("sends the decimal meant, nothing for a blank, and other text as typed for the core to refuse", () => {
    expect(amountToWire("150")).toBe("150.00");
    expect(amountToWire("150,5")).toBe("150.50");
    expect(amountToWire("   ")).toBeNull();
    expect(amountToWire(" cent euros ")).toBe("cent euros");
  });
});

describe("helpers", () => {
  it("oral channels", () => {
    expect(isOralChannel("phone")).toBe(true);
    expect(isOralChannel("inPerson")).toBe(true);
    expect(isOralChannel("letter")).toBe(false);
    expect(isOralChannel("email")).toBe(false);
  });

  it("dirty detection", () => {
    const blank = emptyComplaintForm("2026-05-07", "Claire");
    expect(isFormDirty({ ...blank }, blank)).toBe(false);
    expect(isFormDirty({ ...blank, description: "x" }, blank)).toBe(true);
    expect(isFormDirty({ ...blank, amountClaimed: "150" }, blank)).toBe(true);
  });

  it("request mapping trims", () => {
    expect(
      requestFormToNewRequest({ clientName: " A ", channel: "phone", receivedOn: "2026-05-07", description: " attestation " }),
    ).toEqual({ clientName: "A", channel: "phone", receivedOn: "2026-05-07", description: "attestation" });
  });
});
