// What "Aujourd'hui" shows first, asked before the screen is shown (see ../session/preload):
// the summary, and the money waiting on someone.
import {
  pendingApprovals,
  refundsDue,
  todaySummary,
  type PendingApproval,
  type RefundDue,
  type TodaySummary,
} from "../../lib/backend";

export interface TodayLoaded {
  summary: TodaySummary;
  /** Asked for this person (what they may decide, what they asked). */
  actor: string;
  approvals: PendingApproval[];
  refunds: RefundDue[];
}

/** The money waiting on someone: what `actor` may decide or asked, and the refunds to pay. */
export function loadMoney(actor: string): Promise<[PendingApproval[], RefundDue[]]> {
  return Promise.all([actor === "" ? Promise.resolve([]) : pendingApprovals(actor), refundsDue()]);
}

export function loadToday(actor: string): Promise<TodayLoaded> {
  return Promise.all([todaySummary(), loadMoney(actor)]).then(([summary, [approvals, refunds]]) => ({
    summary,
    actor,
    approvals,
    refunds,
  }));
}
