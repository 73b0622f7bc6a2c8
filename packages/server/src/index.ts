/**
 * @goatkit/server: the HTTP hardening every goatkit server shares (the sandbox, the proxy, the MCP
 * server). Each server passes its own error formatter, so refusals come in its own envelope.
 * @module
 */
export {
  type BodyLimitsOptions,
  type BodySizeLimitOptions,
  bodyLimits,
  bodySizeLimit,
  type JsonDepthLimitOptions,
  jsonDepthLimit,
} from "./body-limits.js";
export {
  type ClientErrorOptions,
  clientErrorHandler,
  type ParserError,
  rawResponse,
  refusalFor,
} from "./client-error.js";
export { isClientDisconnect } from "./disconnect.js";
export { CLIENT_CLOSED_REQUEST, type ErrorHandlerOptions, errorHandler } from "./error-handler.js";
export { apiEnvelope, errorResponse, type FormatError, type FormattedError } from "./format-error.js";
export { type HostGuardOptions, hostGuard } from "./host-guard.js";
export {
  type HostMatcherOptions,
  type HostPort,
  hostMatcher,
  isLoopbackHost,
  type ListenAddress,
  LOOPBACK_NAMES,
  listenNames,
  parseHost,
} from "./hosts.js";
export { jsonDepth } from "./json-depth.js";
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_HEADER_SIZE,
  DEFAULT_MAX_JSON_DEPTH,
  formatBytes,
} from "./limits.js";
export { allowedMethods, type RouteNotFoundOptions, routeNotFound } from "./method-not-allowed.js";
export { quoteValue } from "./quote.js";
export { isJsonContentType, type RequireJsonOptions, requireJson } from "./require-json.js";
export {
  type CloseOptions,
  type CreateServerOptions,
  createServer,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type FetchHandler,
  PortInUseError,
  type RunningServer,
  type ServeOptions,
  serve,
} from "./serve.js";
export { type TokenGuardOptions, tokenGuard, tokensEqual } from "./token-guard.js";
