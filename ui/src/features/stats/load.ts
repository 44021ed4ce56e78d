// What "Statistiques" shows first, asked before the screen is shown (see ../session/preload):
// the figures of the year so far, the screen's own first query.
import { extractStats, type ExtractQuery, type Stats } from "../../lib/backend";
import { isIsoDate, localIsoDate } from "../../lib/calendar/dates";
import { session } from "../session/session.svelte";
import { buildExtractQuery, defaultPeriod, emptyStatsFilters } from "./extract";

export interface StatsLoaded {
  query: ExtractQuery;
  stats: Stats;
}

/** The day the figures run to: the register's today (the app's clock), else this machine's. */
export function statsToday(): string {
  return isIsoDate(session.today) ? session.today : localIsoDate();
}

/** The query the screen opens on: this year so far, no filter. */
export function firstStatsQuery(): ExtractQuery {
  return buildExtractQuery(defaultPeriod(statsToday()), emptyStatsFilters());
}

export function loadStats(): Promise<StatsLoaded> {
  const query = firstStatsQuery();
  return extractStats(query).then((stats) => ({ query, stats }));
}

/** The same query (the fields set, and their values). */
export function sameStatsQuery(a: ExtractQuery, b: ExtractQuery): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
