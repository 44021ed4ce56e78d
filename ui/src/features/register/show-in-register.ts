// Open the register on a set of filters (the others cleared), as "Aujourd'hui" does for the
// rest of a work list.
import { defaultRegisterFilters, session, type RegisterFilters } from "../session/session.svelte";
import { endedFilter } from "./ended-filter.svelte";

export function showInRegister(filters: Partial<RegisterFilters>): void {
  Object.assign(session.registerFilters, defaultRegisterFilters(), filters);
  endedFilter.value = "";
  session.navigate({ name: "register" });
}
