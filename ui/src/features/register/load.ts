// The register's first page as the filters kept ask it, before the screen is shown (see
// ../session/preload).
import { listComplaints, type RegisterPage, type RegisterQuery } from "../../lib/backend";
import { session } from "../session/session.svelte";
import { endedFilter } from "./ended-filter.svelte";
import { registerQuery } from "./query";

export interface RegisterLoaded {
  query: RegisterQuery;
  page: RegisterPage;
}

export function loadRegister(): Promise<RegisterLoaded> {
  const f = session.registerFilters;
  const query = registerQuery(f, endedFilter.value, f.searchInput.trim(), f.handlerInput.trim());
  return listComplaints(query).then((page) => ({ query, page }));
}
