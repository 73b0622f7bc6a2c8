/**
 * The one way a sandbox module says "answer with an error": throw an ApiError. The app's error handler
 * turns it into the API's envelope `{ data: null, error, meta: { code, ...extra } }` with its status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extraMeta: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badQuery = (message: string) => new ApiError(400, "invalid_query", message);
export const badBody = (message: string) => new ApiError(400, "invalid_body", message);
export const badParams = (message: string) => new ApiError(400, "invalid_params", message);
export const notFound = (what: string) => new ApiError(404, "not_found", `${what} not found`);
