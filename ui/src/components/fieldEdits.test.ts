import { describe, expect, it } from "vitest";
import { editedFields, fieldsByInput } from "./fieldEdits";

const INPUTS = { refund: "refund-amount", refundAmount: "refund-amount", on: "refund-date" };

describe("fieldsByInput / editedFields", () => {
  it("finds every field an input clears", () => {
    const byInput = fieldsByInput(INPUTS);
    expect(byInput).toEqual({ "refund-amount": ["refund", "refundAmount"], "refund-date": ["on"] });
    expect(editedFields({ id: "refund-amount" } as unknown as EventTarget, byInput)).toEqual(["refund", "refundAmount"]);
    expect(editedFields({ id: "refund-date" } as unknown as EventTarget, byInput)).toEqual(["on"]);
  });

  it("finds none for an element of no field", () => {
    const byInput = fieldsByInput(INPUTS);
    expect(editedFields({ id: "" } as unknown as EventTarget, byInput)).toEqual([]);
    expect(editedFields({ id: "other" } as unknown as EventTarget, byInput)).toEqual([]);
    expect(editedFields(null, byInput)).toEqual([]);
  });
});
