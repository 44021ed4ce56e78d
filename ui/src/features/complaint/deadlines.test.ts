import { describe, expect, it } from "vitest";
import { ackMissedText, ackState, deadlineBasisText } from "./deadlines";

const DEADLINES = { basis: "received", start: "2026-05-05", ackDue: "2026-05-18", answerDue: "2026-07-05" } as const;

describe("deadlineBasisText", () => {
  it("names the date the deadlines run from, and that date", () => {
    expect(deadlineBasisText({ basis: "sent", start: "2026-05-04" })).toBe(
      "Délais comptés à partir de la date d'envoi (04/05/2026)",
    );
    expect(deadlineBasisText({ basis: "received", start: "2026-05-05" })).toBe(
      "Délais comptés à partir de la date de réception (05/05/2026)",
    );
  });
});

describe("missed acknowledgement", () => {
  it("is shown only when the core says it was missed, with its due date", () => {
    const missed = { acknowledgedOn: null, ackMissed: true, deadlines: DEADLINES };
    expect(ackState(missed)).toBe("missed");
    expect(ackMissedText(missed)).toBe("Accusé de réception manqué (dû le 18/05/2026)");
  });

  it("is not a missed step while the acknowledgement is still to send, even past due", () => {
    const pending = { acknowledgedOn: null, ackMissed: false, deadlines: DEADLINES };
    expect(ackState(pending)).toBe("pending");
    expect(ackMissedText(pending)).toBeNull();
  });

  it("is done once sent, late or not", () => {
    const sent = { acknowledgedOn: "2026-05-25", ackMissed: false, deadlines: DEADLINES };
    expect(ackState(sent)).toBe("done");
    expect(ackMissedText(sent)).toBeNull();
  });
});
