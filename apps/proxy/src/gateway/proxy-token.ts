/**
 * Proxy tokens: what a teammate sends a team gateway instead of the team's trackagoat key. A token is 32
 * random bytes in base64url behind a `gkp_` prefix (so a leaked one is recognisable, and never mistaken
 * for a `tga_` key); the gateway keeps only its SHA-256, and a scope says which methods it may use.
 * @module
 */
import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "gkp_";
/** `gkp_` then 43 base64url characters (32 bytes, no padding). */
export const TOKEN_FORMAT = /^gkp_[A-Za-z0-9_-]{43}$/;

export const SCOPES = ["read", "read-write"] as const;
export type Scope = (typeof SCOPES)[number];

/** Methods a `read` token may use; every other method (POST, PUT, PATCH, DELETE, anything unknown) writes. */
const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A new token, from the OS's CSPRNG. Show it once; store only {@link hashToken} of it. */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** The token's SHA-256 as 64 lowercase hex characters: what the tokens file holds. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The scope a request needs: `read` for GET/HEAD/OPTIONS, `read-write` for the rest. */
export function requiredScope(method: string): Scope {
  return READ_METHODS.has(method.toUpperCase()) ? "read" : "read-write";
}

/** True when a token of scope `granted` may make a request that needs `required`. */
export function scopeAllows(granted: Scope, required: Scope): boolean {
  return granted === "read-write" || required === "read";
}
