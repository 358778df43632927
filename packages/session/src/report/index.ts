/**
 * The offline HTML report of runs (`scitex-session report`).
 */
export { buildReport, renderReport, writeReport, type ReportSummary } from './buildReport.js';
export { REPORT_DEFAULTS, type ReportOptions } from './options.js';
