// The register's filters set afresh: every one cleared ("Effacer les filtres"), or the register
// opened on a set of them, the others cleared (as "Aujourd'hui" does for the rest of a work list).
import { defaultRegisterFilters, session, type RegisterFilters } from "../session/session.svelte";
import { endedFilter } from "./ended-filter.svelte";
import { showLoaded } from "../session/show";

/** Every filter back to its default, then `filters` (the ending kept apart included). */
export function resetRegisterFilters(filters: Partial<RegisterFilters> = {}): void {
  Object.assign(session.registerFilters, defaultRegisterFilters(), filters);
  endedFilter.value = "";
}

export function showInRegister(filters: Partial<RegisterFilters>): void {
  resetRegisterFilters(filters);
  void showLoaded({ name: "register" });
}
