/**
 * The sandbox's demo API keys. They are fixed and seed-independent on purpose: docs, examples and tests
 * can hard-code them, and they stay valid whatever seed or scale the sandbox was started with.
 */
import { demoKey } from "./ids.js";
import type { ApiKeyRecord, Scope } from "./types.js";

export const DEMO_KEYS = {
  orgA: {
    readWrite: demoKey("goatkit-sandbox:org-a:read-write"),
    readOnly: demoKey("goatkit-sandbox:org-a:read-only"),
    revoked: demoKey("goatkit-sandbox:org-a:revoked"),
  },
  orgB: {
    readWrite: demoKey("goatkit-sandbox:org-b:read-write"),
  },
} as const;

export function demoApiKeys(orgA: string, orgB: string): ApiKeyRecord[] {
  const key = (
    key: string,
    org_id: string,
    name: string,
    scopes: Scope[],
    revoked = false,
  ): ApiKeyRecord => ({
    key,
    org_id,
    name,
    scopes,
    revoked,
  });
  return [
    key(DEMO_KEYS.orgA.readWrite, orgA, "Sandbox read-write", ["read", "write"]),
    key(DEMO_KEYS.orgA.readOnly, orgA, "Claude MCP access (read-only)", ["read"]),
    key(DEMO_KEYS.orgA.revoked, orgA, "Old dashboard integration (revoked)", ["read", "write"], true),
    key(DEMO_KEYS.orgB.readWrite, orgB, "Other Org read-write", ["read", "write"]),
  ];
}
