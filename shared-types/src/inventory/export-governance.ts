/**
 * Governance of the inventory export (issue #14 item 3; a scheduled script has 10,000 usage units a
 * run). Unit costs are NetSuite's (help: SuiteScript 2.x API governance): SuiteQL 10, item search
 * `runPaged` 5 and each page of up to 1,000 rows 5, `file.load` 10, `File.save` 20, a sync log entry
 * (custom record create 2 + save 4) 6, `submitFields` on a custom record 2, `task.submit` 20.
 *
 * A shop is started only when its whole run fits, and the balance search fetches a page only while
 * the rest of the shop's run still fits after it; a shop that does not fit is left for the next run
 * (its state untouched, so nothing is lost), and the run re-submits itself.
 */

export const EXPORT_UNITS = {
  query: 10,
  searchRunPaged: 5,
  searchPage: 5,
  fileLoad: 10,
  fileSave: 20,
  logEntry: 6,
  submitFields: 2,
  taskSubmit: 20,
} as const;

/** Rows per item search page. */
export const SEARCH_PAGE_ROWS = 1_000;

/** Most notices written to the sync log per shop and run (the rest wait for the next run). */
export const MAX_NOTICES_LOGGED = 20;

/** Units kept back for the end of the run (summary log, re-submit). */
export const RUN_RESERVE_UNITS = EXPORT_UNITS.logEntry + EXPORT_UNITS.taskSubmit;

/**
 * What one shop's export costs at most, for an estimated number of balance rows: warehouses and
 * locations (2 queries), the search, both files read and the state written, the notices and the
 * trigger clear.
 */
export function shopRunUnits(balanceRows: number): number {
  const pages = Math.max(1, Math.ceil(balanceRows / SEARCH_PAGE_ROWS));
  return (
    2 * EXPORT_UNITS.query +
    EXPORT_UNITS.searchRunPaged +
    pages * EXPORT_UNITS.searchPage +
    2 * EXPORT_UNITS.fileLoad +
    EXPORT_UNITS.fileSave +
    MAX_NOTICES_LOGGED * EXPORT_UNITS.logEntry +
    EXPORT_UNITS.submitFields
  );
}

/** The units a shop's run needs after its balance search (files, notices, clear, reserve). */
export function afterSearchUnits(): number {
  return (
    2 * EXPORT_UNITS.fileLoad +
    EXPORT_UNITS.fileSave +
    MAX_NOTICES_LOGGED * EXPORT_UNITS.logEntry +
    EXPORT_UNITS.submitFields +
    RUN_RESERVE_UNITS
  );
}

/** Starts a shop only when its estimated run and the reserve fit in what is left. */
export function canStartShop(remaining: number, estimatedRows: number): boolean {
  return remaining >= shopRunUnits(estimatedRows) + RUN_RESERVE_UNITS;
}

/** Fetches one more search page only when the page and the rest of the shop's run still fit. */
export function canFetchPage(remaining: number): boolean {
  return remaining >= EXPORT_UNITS.searchPage + afterSearchUnits();
}
