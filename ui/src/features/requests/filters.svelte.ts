// What the "Demandes" screen was showing (search, "Ouvertes seulement", page): kept while the
// app runs, so that opening a complaint from the list and coming back finds the list as it was.

export interface RequestFilters {
  /** The search box as typed (sent after a short pause). */
  searchInput: string;
  openOnly: boolean;
  /** 0-based. */
  page: number;
}

export function defaultRequestFilters(): RequestFilters {
  return { searchInput: "", openOnly: false, page: 0 };
}

export const requestFilters = $state<RequestFilters>(defaultRequestFilters());
