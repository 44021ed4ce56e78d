// The state of "Importer un registre": the file, the user's mapping of its columns, the last
// dry run (or the import's own report) and what is under way. Every preview is a dry run of the
// real import through the register's rules (rolled back by the backend), so what it announces is
// what the import does; nothing is recorded before `run()`. Answers to an older request (a later
// analysis or mapping change) are ignored.
import { appInfo, importRegister, pickImportFile, type AppError, type ImportReport } from "../../lib/backend";
import { session, showToast } from "../session/session.svelte";
import { assignField, columnName, sameHeaders, sameMapping, type Mapping } from "./mapping";
import { filterCounts, importedText, visibleRows, type RowFilter } from "./preview";

const DEBOUNCE_MS = 300;

/** The backend's refusal of a mapping (nothing was run), as an error on the "mapping" field. */
function mappingProblem(r: ImportReport): AppError | null {
  return r.mappingError ? { code: "validation", message: r.mappingError, field: "mapping" } : null;
}

export class ImportWizard {
  /** What is typed in "ou chemin du fichier". */
  pathInput = $state("");
  /** The file the report below was read from. */
  path = $state("");
  /** The last dry run that succeeded (or, once imported, the import's own report). */
  report = $state<ImportReport | null>(null);
  /** The user's choice for each column: kept whatever the backend answers. */
  mapping = $state<Mapping>([]);
  filter = $state<RowFilter>("all");
  allOrNothing = $state(false);

  analysing = $state(false);
  /** A preview with the current mapping is scheduled or running. */
  previewing = $state(false);
  running = $state(false);
  /** The import was done: `report` is its result. */
  imported = $state(false);

  /** Reading or analysing the file failed (shown beside the file choice). */
  fileError = $state<AppError | null>(null);
  /** The first analysis could not map the required fields: the columns are not known yet. */
  unrecognised = $state(false);
  /** The backend refused the mapping, or the preview failed (shown above the columns). */
  previewError = $state<AppError | null>(null);
  runError = $state<AppError | null>(null);
  /** "« Client (nom) » n'est plus associé à « Nom »": a field moved from one column to another. */
  moveNote = $state<string | null>(null);

  fields = $derived(this.report?.fields ?? []);
  headers = $derived(this.report?.headers ?? []);
  /** The preview shown is exactly what the import would do with the current mapping. */
  upToDate = $derived(
    this.report !== null && !this.previewing && this.previewError === null && sameMapping(this.mapping, this.report.mapping),
  );
  counts = $derived(this.report ? filterCounts(this.report.rows) : null);
  shown = $derived(this.report ? visibleRows(this.report.rows, this.filter) : null);
  busy = $derived(this.analysing || this.running);
  canRun = $derived(this.upToDate && !this.imported && !this.busy && (this.report?.accepted ?? 0) > 0);

  #requestSeq = 0;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;

  /** The screen is left: whatever is pending is dropped. */
  dispose(): void {
    clearTimeout(this.#previewTimer);
    this.#requestSeq++;
  }

  #cancelPreview(): void {
    clearTimeout(this.#previewTimer);
    this.previewing = false;
  }

  async pick(): Promise<void> {
    if (this.busy) return;
    this.fileError = null;
    try {
      const picked = await pickImportFile();
      if (picked === null) return;
      this.pathInput = picked;
      await this.analyse();
    } catch (e) {
      this.fileError = e as AppError;
    }
  }

  /** Read the file and let the backend guess the mapping (the user's one is kept if the columns are the same). */
  async analyse(): Promise<void> {
    if (this.busy) return;
    const target = this.pathInput.trim();
    if (target === "") {
      this.fileError = { code: "validation", message: "Indiquez le chemin du fichier à importer.", field: "file" };
      this.unrecognised = false;
      return;
    }
    this.#cancelPreview();
    const seq = ++this.#requestSeq;
    const previous =
      this.report && !this.imported ? { headers: [...this.report.headers], mapping: [...this.mapping] } : null;
    this.analysing = true;
    this.fileError = null;
    this.unrecognised = false;
    this.runError = null;
    try {
      let next = await importRegister(target, null, true, false, session.actor);
      if (seq !== this.#requestSeq) return;
      // Same columns as before (the file was corrected and read again): keep the user's choices.
      if (previous && sameHeaders(previous.headers, next.headers) && !sameMapping(previous.mapping, next.mapping)) {
        try {
          const kept = await importRegister(target, previous.mapping, true, false, session.actor);
          if (seq !== this.#requestSeq) return;
          next = kept;
        } catch {
          // The previous choices no longer fit: keep the backend's guess.
        }
      }
      this.path = target;
      this.report = next;
      this.mapping = [...next.mapping];
      // The guess missed a required field: the columns are shown so that the user maps it.
      this.previewError = mappingProblem(next);
      this.moveNote = null;
      this.filter = "all";
      this.imported = false;
    } catch (e) {
      if (seq !== this.#requestSeq) return;
      const err = e as AppError;
      this.fileError = err;
      this.unrecognised = err.field === "mapping";
    } finally {
      if (seq === this.#requestSeq) this.analysing = false;
    }
  }

  /** The user chose a field ("" for none) for a column; the preview follows shortly. */
  map(column: number, value: string): void {
    if (!this.report || this.imported) return;
    const field = value === "" ? null : (this.fields.find((f) => f.field === value)?.field ?? null);
    const { mapping: next, movedFrom } = assignField(this.mapping, column, field);
    this.mapping = next;
    const moved = movedFrom !== null ? this.fields.find((f) => f.field === field) : undefined;
    this.moveNote = moved
      ? `« ${moved.label} » n'est plus associé à la colonne ${columnName(this.headers, movedFrom as number)} : un champ ne peut alimenter qu'une colonne.`
      : null;
    this.runError = null;
    this.#schedulePreview();
  }

  #schedulePreview(): void {
    clearTimeout(this.#previewTimer);
    const seq = ++this.#requestSeq;
    this.previewing = true;
    this.#previewTimer = setTimeout(async () => {
      const target = this.path;
      const wanted = $state.snapshot(this.mapping) as Mapping;
      try {
        const next = await importRegister(target, wanted, true, false, session.actor);
        if (seq !== this.#requestSeq) return;
        this.previewError = mappingProblem(next);
        // A refused mapping runs nothing: the last preview stays, marked out of date.
        if (this.previewError === null) this.report = next;
      } catch (e) {
        if (seq !== this.#requestSeq) return;
        // The user's choices stay as they are; the preview below is marked out of date.
        this.previewError = e as AppError;
      } finally {
        if (seq === this.#requestSeq) this.previewing = false;
      }
    }, DEBOUNCE_MS);
  }

  async run(): Promise<void> {
    if (!this.canRun || !this.report) return;
    const seq = ++this.#requestSeq;
    this.running = true;
    this.runError = null;
    try {
      const mapping = $state.snapshot(this.mapping) as Mapping;
      const done = await importRegister(this.path, mapping, false, this.allOrNothing, session.actor);
      if (seq !== this.#requestSeq) return;
      const refused = mappingProblem(done);
      if (refused) {
        this.runError = refused;
        return;
      }
      this.report = done;
      this.imported = true;
      this.filter = "all";
      showToast(importedText(done));
      try {
        // The register is no longer empty: the welcome offers on "Aujourd'hui" go away.
        session.info = await appInfo();
      } catch {
        // Only the welcome offer depends on it.
      }
    } catch (e) {
      if (seq !== this.#requestSeq) return;
      this.runError = e as AppError;
    } finally {
      if (seq === this.#requestSeq) this.running = false;
    }
  }

  restart(): void {
    this.#cancelPreview();
    this.#requestSeq++;
    this.report = null;
    this.mapping = [];
    this.path = "";
    this.pathInput = "";
    this.imported = false;
    this.previewError = null;
    this.runError = null;
    this.fileError = null;
    this.unrecognised = false;
    this.moveNote = null;
    this.allOrNothing = false;
  }
}
