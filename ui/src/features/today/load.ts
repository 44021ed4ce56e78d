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

export function loadToday(actor: string): Promise<TodayLoaded> {
  return Promise.all([
    todaySummary(),
    actor === "" ? Promise.resolve([]) : pendingApprovals(actor),
    refundsDue(),
  ]).then(([summary, approvals, refunds]) => ({ summary, actor, approvals, refunds }));
}
