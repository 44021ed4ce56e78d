// The register's query for the filters kept in the session: built the same way by the
// register screen and by its preload (./load). Pure functions: unit-tested.
import type { EndKind, RegisterQuery } from "../../lib/backend/types";
import { isIsoDate } from "../../lib/calendar/dates";
import type { RegisterFilters } from "../session/session.svelte";
import { statusQuery } from "./status-filter";
import { workListQuery } from "./work-list";

/** Complaints per page of the register. */
export const PAGE_SIZE = 50;

/**
 * The query for the filters `f` and the ending chosen, with the search and handler terms as
 * sent (the screen sends them once typing pauses; its first query sends them as kept).
 */
export function registerQuery(f: RegisterFilters, ended: EndKind | "", search: string, handler: string): RegisterQuery {
  return {
    ...statusQuery(f.status, ended),
    subject: f.subject === "" ? null : f.subject,
    handler: handler === "" ? null : handler,
    receivedFrom: isIsoDate(f.receivedFrom) ? f.receivedFrom : null,
    receivedTo: isIsoDate(f.receivedTo) ? f.receivedTo : null,
    overdue: f.overdueOnly,
    ...workListQuery(f.workList),
    search: search === "" ? null : search,
    sort: f.sort,
    limit: PAGE_SIZE,
    offset: f.page * PAGE_SIZE,
  };
}

/** Two queries ask the same rows (built by `registerQuery`: the same fields in the same order). */
export function sameQuery(a: RegisterQuery, b: RegisterQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
