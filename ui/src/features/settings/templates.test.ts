import { describe, expect, it } from "vitest";
import { insertAtCursor, placeholderToken, templateInputId } from "./templates";

describe("insertAtCursor", () => {
  const text = "Bonjour ,\n\nMerci.";

  it("inserts at a cursor and puts the cursor after the insertion", () => {
    expect(insertAtCursor(text, 8, 8, "{client.name}")).toEqual({
      text: "Bonjour {client.name},\n\nMerci.",
      cursor: 21,
    });
  });

  it("replaces the selection", () => {
    expect(insertAtCursor("Réf. XXX.", 5, 8, "{complaint.reference}")).toEqual({
      text: "Réf. {complaint.reference}.",
      cursor: 26,
    });
    // Reversed selection.
    expect(insertAtCursor("Réf. XXX.", 8, 5, "{x}").text).toBe("Réf. {x}.");
  });

  it("inserts at the start, and at the end when the position is unknown or out of range", () => {
    expect(insertAtCursor("abc", 0, 0, "{x}")).toEqual({ text: "{x}abc", cursor: 3 });
    expect(insertAtCursor("abc", null, null, "{x}")).toEqual({ text: "abc{x}", cursor: 6 });
    expect(insertAtCursor("abc", 99, 120, "{x}")).toEqual({ text: "abc{x}", cursor: 6 });
    expect(insertAtCursor("abc", -4, -1, "{x}")).toEqual({ text: "{x}abc", cursor: 3 });
    expect(insertAtCursor("", 0, 0, "{x}")).toEqual({ text: "{x}", cursor: 3 });
  });
});

describe("template ids and tokens", () => {
  it("builds the token and the textarea id", () => {
    expect(placeholderToken("deadlines.answerDue")).toBe("{deadlines.answerDue}");
    expect(templateInputId("template.ack")).toBe("template-template-ack");
    expect(templateInputId("template.answer.upheld")).toBe("template-template-answer-upheld");
  });
});
