/**
 * What a stats computation throws for a question it cannot answer (a malformed day, an unknown metric, a
 * range too long). It is a domain error, not an HTTP one: stats/ knows nothing of statuses or envelopes;
 * the api layer's error handler maps it to a 400 envelope carrying `code` (see api/envelope.ts).
 */

/** Why the question cannot be answered; the api layer uses it as the envelope's `meta.code`. */
export type StatsErrorCode = "invalid_query";

export class StatsError extends Error {
  constructor(
    readonly code: StatsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StatsError";
  }
}

/** A query parameter that stats cannot use (the message names it and quotes the bad value). */
export const invalidQuery = (message: string): StatsError => new StatsError("invalid_query", message);
