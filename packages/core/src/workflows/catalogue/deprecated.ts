/**
 * The 0.1 spelling `asOf` (a Date, ISO string or epoch ms inside the params), still accepted by the
 * function wrappers (`runCampaignPerformance`, …) for one minor version. The catalogue's `run` takes `as_of` only.
 * @module
 */
import { type Instant, instantIso } from "../../analysis/dates.js";

export interface DeprecatedAsOf {
  /** @deprecated Use `as_of` (an ISO string). Removed in 0.3. */
  asOf?: Instant | undefined;
}

/** Moves a deprecated `asOf` to `as_of`; `as_of` wins when both are given. */
export function withAsOf<P extends DeprecatedAsOf & { as_of?: string | undefined }>(
  params: P,
): Omit<P, "asOf"> & { as_of?: string | undefined } {
  if (params === null || typeof params !== "object" || !("asOf" in params)) return params;
  const { asOf, ...rest } = params;
  if (asOf === undefined || rest.as_of !== undefined) return rest;
  let iso: string;
  try {
    iso = instantIso(asOf);
  } catch {
    iso = String(asOf); // left to the params check, which names the field
  }
  return { ...rest, as_of: iso };
}
