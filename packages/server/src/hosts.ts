/**
 * Host names as a server sees them: parsing a `Host` header (or an `Origin`'s host), telling loopback
 * bind addresses apart, and deciding whether a host is one this server answers to — the loopback names
 * and the address it is bound to, on the port it listens on, plus names the operator configured. That
 * decision is the defence against DNS rebinding: a hostile page whose name was re-pointed at 127.0.0.1
 * still sends its own name in `Host`.
 * @module
 */
import { isIP } from "node:net";
import { networkInterfaces } from "node:os";

/** A parsed host: lowercase name (IPv6 in brackets, no trailing dot) and the port, if one was given. */
export interface HostPort {
  hostname: string;
  port: number | undefined;
}

/** Where a server listens (the address it bound and the port it got). */
export interface ListenAddress {
  host: string;
  port: number;
}

/** The names every server accepts for itself: they cannot be re-pointed by a foreign DNS zone. */
export const LOOPBACK_NAMES: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

const HOST_RE = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+?)\.?(?::(\d{1,5}))?$/;

/** Parses `"Example.com:8080"`, `"[::1]:4010"`, `"127.0.0.1"`; null for anything else. */
export function parseHost(value: string): HostPort | null {
  const m = HOST_RE.exec(value.trim().toLowerCase());
  if (!m) return null;
  const hostname = m[1] as string;
  if (hostname.startsWith("[") && isIP(hostname.slice(1, -1)) !== 6) return null;
  const port = m[2] === undefined ? undefined : Number(m[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return null;
  return { hostname, port };
}

/** True for a loopback bind address or name: `localhost`, `127.x.x.x`, `::1` (bracketed or not). */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (name === "localhost" || name === "::1" || name === "::ffff:127.0.0.1") return true;
  return isIP(name) === 4 && name.startsWith("127.");
}

/** How an address appears in a Host header: IPv6 in brackets, lowercase. */
function asHostname(address: string): string {
  const name = address.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  return isIP(name) === 6 ? `[${name}]` : name;
}

/** The names a server bound to `bindHost` can be reached by without DNS: loopback, the bound address or, for a wildcard bind, every local interface address. */
export function listenNames(bindHost: string | undefined): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  if (bindHost === undefined) return names;
  const bound = bindHost.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (bound === "" || bound === "0.0.0.0" || bound === "::") {
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(asHostname(info.address));
    }
  } else {
    names.add(asHostname(bound));
  }
  return names;
}

export interface HostMatcherOptions {
  /**
   * Extra names this server answers to, `"name"` (any port: e.g. behind a reverse proxy) or
   * `"name:port"` (that port only).
   */
  allowedHosts?: readonly string[];
  /** Where the server listens, once it does; before that (or in process) any port is accepted. */
  listening?: () => ListenAddress | undefined;
}

/** A predicate over Host values (`"localhost:4010"`): is this a host this server answers to? */
export function hostMatcher(options: HostMatcherOptions = {}): (host: string) => boolean {
  const extra = (options.allowedHosts ?? []).map((entry) => {
    const parsed = parseHost(entry);
    if (!parsed) throw new TypeError(`allowedHosts: ${JSON.stringify(entry)} is not a host name`);
    return parsed;
  });
  let cache: { key: string; names: Set<string> } | undefined;
  const namesFor = (address: ListenAddress | undefined) => {
    const key = address?.host ?? "";
    if (cache?.key !== key) cache = { key, names: listenNames(address?.host) };
    return cache.names;
  };
  return (value) => {
    const host = parseHost(value);
    if (!host) return false;
    const port = host.port ?? 80;
    if (extra.some((e) => e.hostname === host.hostname && (e.port === undefined || e.port === port))) {
      return true;
    }
    const address = options.listening?.();
    if (!namesFor(address).has(host.hostname)) return false;
    return address === undefined || port === address.port;
  };
}
