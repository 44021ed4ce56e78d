// The register's "ended" filter (withdrawn, requalified), kept beside the session's register
// filters so that it survives a visit to a complaint file like them. The status select sets
// either this or the session's status (see ./status-filter).
import type { EndKind } from "../../lib/backend/types";

export const endedFilter = $state<{ value: EndKind | "" }>({ value: "" });
