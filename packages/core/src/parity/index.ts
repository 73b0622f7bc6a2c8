/**
 * The parity check: where a real API differs from goatkit's contract, found with a few read-only
 * requests and reported so it can be pasted into a bug report.
 * @module
 */
export { checkParity, PARITY_REQUEST_BUDGET, type ParityOptions } from "./check.js";
export { renderParityMarkdown } from "./markdown.js";
export {
  NotChecked,
  PARITY_DIFFERENCE_KINDS,
  ParityCheck,
  ParityDifference,
  type ParityDifferenceKind,
  ParityReport,
} from "./report.js";
