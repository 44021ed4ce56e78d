// The app's first screen after a sign-in (the sidebar, the top bar and "Aujourd'hui"), built
// once out of sight while the person signs in (see ../../lib/warm): WebKit has then met its
// script, its styles and its boxes once, and the sign-in shows it in a warm frame. Nobody acts
// yet, so the core reads nothing: "Aujourd'hui" is built with a sample.
import type { RegisterRow, TodaySummary } from "../../lib/backend";
import { warmUp } from "../../lib/warm";
import Today from "../today/Today.svelte";
import Sidebar from "./Sidebar.svelte";
import TopBar from "./TopBar.svelte";

/**
 * "Aujourd'hui" on `today` (an ISO date) with one late complaint, a sample never shown: its
 * row is built once too.
 */
export function sampleSummary(today: string): TodaySummary {
  const late: RegisterRow = {
    reference: "REC-0000-0000",
    clientName: "Échantillon",
    subject: "other",
    channel: "letter",
    receivedOn: today,
    status: "received",
    handler: null,
    next: { step: "acknowledgement", due: today, daysLeft: -1, overdue: true, dueSoon: false },
  };
  return {
    today,
    year: Number(today.slice(0, 4)),
    dueSoonDays: 3,
    counts: {
      open: 1,
      overdue: 1,
      dueSoon: 0,
      awaitingAck: 0,
      awaitingAnswer: 0,
      awaitingConfirmation: 0,
      answerLettersDue: 0,
    },
    overdue: [late],
    dueSoon: [],
    awaitingAck: [],
    awaitingAnswer: [],
    awaitingConfirmation: [],
    answerLettersDue: [],
    disputeAlerts: [],
    ackOnTimePct: null,
    answerOnTimePct: null,
  };
}

let warmed = false;

/** Once per run, before anyone acts (`today`: the core's date, ISO). */
export function warmFirstScreen(today: string): void {
  if (warmed) return;
  warmed = true;
  const nothing = () => {};
  try {
    warmUp(Sidebar, { ongo: nothing });
    warmUp(TopBar, { switching: false, onchangeuser: nothing, onlock: nothing, onleavedemo: nothing });
    warmUp(Today, { onopendemo: nothing, given: { summary: sampleSummary(today), actor: "", approvals: [], refunds: [] } });
  } catch {
    // Nothing is lost: the first screen is built cold.
  }
}
