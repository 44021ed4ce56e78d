// The state of "Importer un registre": the file, the user's choices (the workbook's sheet, the
// line of the column titles, the mapping of the columns, the decisions of rows whose answer names
// none), the last dry run (or the import's own report) and what is under way. Every preview is a
// dry run of the real import through the register's rules (rolled back by the backend) with all
// of these choices, and the import sends them again, so what the preview announces is what the
// import does; nothing is recorded before `run()`. Answers to an older request (a later analysis
// or change) are ignored; a failed preview leaves every choice as the user made it.
import {
  appInfo,
  cancelImport,
  importRegister,
  pickImportFile,
  type AppError,
  type ImportChoices,
  type ImportReport,
  type Outcome,
} from "../../lib/backend";
import { session, showToast } from "../session/session.svelte";
import { assignField, columnName, sameHeaders, sameMapping, sameSource, type Mapping } from "./mapping";
import {
  decisionLines,
  filterCounts,
  importedText,
  parseOutcome,
  undecidedCount,
  visibleRows,
  withDecision,
  type RowFilter,
} from "./preview";

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
  /** The workbook's sheet the user chose; null: the one the core found. */
  sheet = $state<string | null>(null);
  /** The line of the column titles the user chose; null: the one the core found. */
  headerLine = $state<number | null>(null);
  /** The decision of every row whose answer names none; null: row by row. */
  defaultOutcome = $state<Outcome | null>(null);
  /** The decisions chosen row by row: line in the file -> decision. */
  decisions = $state<Record<number, Outcome>>({});
  /** The lines of the sheet that asked for a decision (their select stays once decided). */
  decisionLines = $state<number[]>([]);
  filter = $state<RowFilter>("all");
  allOrNothing = $state(false);
  /** Rows gone through by the import under way (null before the first report). */
  progress = $state<{ done: number; total: number } | null>(null);
  /** The user asked to stop the import under way. */
  cancelling = $state(false);

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
  /** The columns shown are those of the chosen sheet and header line (else the mapping waits for the core's new guess). */
  columnsCurrent = $derived(
    this.report !== null && sameSource({ sheet: this.sheet, headerLine: this.headerLine }, this.report.source),
  );
  /** The lines offered as header line belong to the sheet shown (not to one chosen since, still unread). */
  sheetCurrent = $derived(this.report !== null && (this.sheet === null || this.sheet === this.report.source.sheet));
  /** The preview shown is exactly what the import would do with the current choices. */
  upToDate = $derived(
    this.report !== null &&
      !this.previewing &&
      this.previewError === null &&
      this.columnsCurrent &&
      sameMapping(this.mapping, this.report.mapping),
  );
  undecided = $derived(this.report ? undecidedCount(this.report.rows) : 0);
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
    // The same file read again (corrected in the spreadsheet): the sheet chosen by name stays.
    // The header line is found again and the decisions are asked again: rows may have moved.
    let choices: ImportChoices = previous && this.path === target && this.sheet !== null ? { sheet: this.sheet } : {};
    this.analysing = true;
    this.fileError = null;
    this.unrecognised = false;
    this.runError = null;
    try {
      let next: ImportReport;
      try {
        next = await importRegister(target, null, true, false, session.actor, choices);
      } catch (e) {
        // The sheet is gone from the workbook: read it as a new file.
        if (choices.sheet === undefined || (e as AppError).field !== "sheet" || seq !== this.#requestSeq) throw e;
        choices = {};
        next = await importRegister(target, null, true, false, session.actor, choices);
      }
      if (seq !== this.#requestSeq) return;
      // Same columns as before (the file was corrected and read again): keep the user's choices.
      if (previous && sameHeaders(previous.headers, next.headers) && !sameMapping(previous.mapping, next.mapping)) {
        try {
          const kept = await importRegister(target, previous.mapping, true, false, session.actor, choices);
          if (seq !== this.#requestSeq) return;
          next = kept;
        } catch {
          // The previous choices no longer fit: keep the backend's guess.
        }
      }
      this.path = target;
      this.report = next;
      this.mapping = [...next.mapping];
      this.sheet = choices.sheet ?? null;
      this.headerLine = null;
      this.defaultOutcome = null;
      this.decisions = {};
      this.decisionLines = decisionLines([], next.rows);
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
    // Columns of another sheet or header line than the one chosen: the core guesses them again.
    if (!this.report || this.imported || !this.columnsCurrent) return;
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

  /**
   * The user chose another sheet of the workbook: its header line is found again, its columns
   * mapped by the core's guess, and the decisions of the other sheet's lines dropped.
   */
  chooseSheet(name: string): void {
    if (!this.report || this.imported || name === "") return;
    if (name === (this.sheet ?? this.report.source.sheet)) return;
    this.sheet = name;
    this.headerLine = null;
    this.decisions = {};
    this.decisionLines = [];
    this.#choiceChanged();
  }

  /** The user chose the line holding the column titles: the columns are mapped by the core's guess. */
  chooseHeaderLine(value: string): void {
    const line = Number(value);
    if (!this.report || this.imported || !Number.isInteger(line) || line < 1) return;
    if (line === (this.headerLine ?? this.report.source.headerLine)) return;
    this.headerLine = line;
    this.#choiceChanged();
  }

  /** The decision of every row whose answer names none ("" for none: row by row). */
  chooseDefaultOutcome(value: string): void {
    if (!this.report || this.imported) return;
    this.defaultOutcome = parseOutcome(value);
    this.#choiceChanged();
  }

  /** The decision of the row at `line` ("" for the decision of all rows). */
  decide(line: number, value: string): void {
    if (!this.report || this.imported) return;
    this.decisions = withDecision(this.decisions, line, parseOutcome(value));
    this.#choiceChanged();
  }

  #choiceChanged(): void {
    this.moveNote = null;
    this.runError = null;
    this.#schedulePreview();
  }

  /** Everything the user chose beyond the mapping, as sent with every preview and the import. */
  #choices(): ImportChoices {
    return {
      sheet: this.sheet,
      headerLine: this.headerLine,
      defaultOutcome: this.defaultOutcome,
      decisions: $state.snapshot(this.decisions) as Record<number, Outcome>,
    };
  }

  #schedulePreview(): void {
    clearTimeout(this.#previewTimer);
    const seq = ++this.#requestSeq;
    this.previewing = true;
    this.#previewTimer = setTimeout(async () => {
      const target = this.path;
      // Another sheet or header line: other columns, which the core maps by its guess.
      const newColumns = !this.columnsCurrent;
      const wanted = newColumns ? null : ($state.snapshot(this.mapping) as Mapping);
      try {
        const next = await importRegister(target, wanted, true, false, session.actor, this.#choices());
        if (seq !== this.#requestSeq) return;
        this.previewError = mappingProblem(next);
        if (newColumns) {
          // The new columns are shown even when the guess misses a required field, to be mapped.
          this.report = next;
          this.mapping = [...next.mapping];
          this.filter = "all";
        } else if (this.previewError === null) {
          // A refused mapping runs nothing: the last preview stays, marked out of date.
          this.report = next;
        }
        this.decisionLines = decisionLines(this.decisionLines, this.report?.rows ?? []);
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
    this.progress = null;
    this.cancelling = false;
    try {
      const mapping = $state.snapshot(this.mapping) as Mapping;
      const done = await importRegister(
        this.path,
        mapping,
        false,
        this.allOrNothing,
        session.actor,
        this.#choices(),
        (p) => {
          if (seq === this.#requestSeq) this.progress = p;
        },
      );
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
      if (seq === this.#requestSeq) {
        this.running = false;
        this.progress = null;
        this.cancelling = false;
      }
    }
  }

  /** Stop the import under way: it ends refused and nothing is imported. */
  async cancel(): Promise<void> {
    if (!this.running || this.cancelling) return;
    this.cancelling = true;
    try {
      await cancelImport();
    } catch {
      // The import ends by itself; its own answer says what happened.
    }
  }

  restart(): void {
    this.#cancelPreview();
    this.#requestSeq++;
    this.report = null;
    this.mapping = [];
    this.sheet = null;
    this.headerLine = null;
    this.defaultOutcome = null;
    this.decisions = {};
    this.decisionLines = [];
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
