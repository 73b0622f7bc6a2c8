/**
 * What a pure report builder hands back to its workflow: the report without `meta`, the caveats the
 * data called for, and what `meta` must say about the data read. The run adds what only it knows (the
 * clock's ISO form, the requests spent, the notes read, the API generation), so a builder is a plain
 * function of fetched data and the analysis instant, testable on fixtures without a client.
 * @module
 */
import type { Caveat } from "../../reports/schema/caveat-codes.js";
import type { MetaInput } from "../run.js";

export interface BuiltReport<R extends { meta: unknown }> {
  /** The report, every field but `meta`. */
  report: Omit<R, "meta">;
  /** Caveats in the order the builder met them; the run appends them to its own. */
  caveats: Caveat[];
  /** The range, freshness and pending counts `meta` reports, and whether each was checked. */
  meta: MetaInput;
}
