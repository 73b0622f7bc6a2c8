/**
 * The `gateway` option of `createProxy`/`startProxy`: the tokens file (or a {@link TokenStore} on it) and
 * the team's trackagoat key. Checked before anything listens; an error never repeats the key.
 * @module
 */
import { TokenStore } from "./token-store.js";

export interface GatewayOptions {
  /** The tokens file's path (loaded and checked now), or a store already open on it. */
  tokens: TokenStore | string;
  /** The team's trackagoat key (`tga_` + 64 lowercase hex), sent upstream for every teammate. */
  teamKey: string;
}

export interface ResolvedGatewayOptions {
  tokens: TokenStore;
  teamKey: string;
}

export const TRACKAGOAT_KEY_FORMAT = /^tga_[0-9a-f]{64}$/;

/** Throws a `TypeError` naming the option, or the tokens file's own error naming the entry at fault. */
export function resolveGatewayOptions(
  gateway: GatewayOptions,
  onError: (err: unknown) => void,
): ResolvedGatewayOptions {
  if (typeof gateway.teamKey !== "string" || !TRACKAGOAT_KEY_FORMAT.test(gateway.teamKey))
    throw new TypeError(
      "gateway.teamKey is not a trackagoat key (expected tga_ and 64 lowercase hex characters)",
    );
  const tokens =
    typeof gateway.tokens === "string" ? new TokenStore(gateway.tokens, { onError }) : gateway.tokens;
  if (!(tokens instanceof TokenStore))
    throw new TypeError("gateway.tokens must be a tokens file path or a TokenStore");
  return { tokens, teamKey: gateway.teamKey };
}
