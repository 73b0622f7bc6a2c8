/**
 * Identifiers: UUID v4 strings drawn from the seeded PRNG (so a world's ids are reproducible), TikTok
 * video ids, and the fixed demo API keys.
 */
import { createHash } from "node:crypto";
import type { Rng } from "./prng.js";

const HEX_CODES = Array.from("0123456789abcdef", (ch) => ch.charCodeAt(0));
const DASH = 45;
const uuidChars: number[] = new Array<number>(36).fill(DASH);

/** Writes the 8 hex digits of `word` at `at`. */
function putHex(word: number, at: number, digits: number): void {
  for (let k = digits - 1; k >= 0; k--) {
    uuidChars[at + k] = HEX_CODES[word & 15]!;
    word >>>= 4;
  }
}

/**
 * A v4-formatted UUID (version nibble 4, variant 10xx) from four PRNG words. Built from character codes
 * so the result is one flat string: concatenating pieces would leave a rope of ~20 cells per id, which
 * at 250,000 videos costs more memory than everything else about them.
 */
export function uuid(rng: Rng): string {
  const a = rng.next();
  const b = (rng.next() & 0xffff0fff) | 0x00004000;
  const c = ((rng.next() & 0x3fffffff) | 0x80000000) >>> 0;
  const d = rng.next();
  putHex(a, 0, 8);
  putHex(b >>> 16, 9, 4);
  putHex(b & 0xffff, 14, 4);
  putHex(c >>> 16, 19, 4);
  putHex(c & 0xffff, 24, 4);
  putHex(d, 28, 8);
  return String.fromCharCode(...uuidChars);
}

/**
 * A TikTok-style video id: real ids carry the posting second in their upper 32 bits, so ids sort by
 * posting time and look right to anyone who decodes them. The lower 32 bits scramble a per-world
 * counter through a bijection, which makes ids unique without remembering the ones already issued.
 *
 * The decimal digits of second × 2³² + low are computed in two limbs (base 10⁶) to stay within exact
 * double arithmetic; BigInt would be simpler but is slow at 250,000 ids.
 */
export function tiktokVideoId(postedMs: number, counter: number, salt: number): string {
  const sec = Math.floor(postedMs / 1000);
  const low = Math.imul((counter ^ salt) >>> 0, 0x9e3779b1) >>> 0;
  const lo = sec * 967_296 + low; // 2^32 = 4294 × 10^6 + 967296
  const carry = Math.floor(lo / 1_000_000);
  let rest = lo - carry * 1_000_000;
  const digits: number[] = [];
  for (let k = 0; k < 6; k++) {
    digits.push(48 + (rest % 10));
    rest = Math.floor(rest / 10);
  }
  for (let hi = sec * 4294 + carry; hi > 0; hi = Math.floor(hi / 10)) digits.push(48 + (hi % 10));
  return String.fromCharCode(...digits.reverse());
}

const URL_PREFIX = Array.from("https://www.tiktok.com/@", (ch) => ch.charCodeAt(0));
const URL_MIDDLE = Array.from("/video/", (ch) => ch.charCodeAt(0));

/** `https://www.tiktok.com/@<handle>/video/<id>` as one flat string (see uuid for why flat). */
export function videoUrl(handle: string, tiktokId: string): string {
  const codes = URL_PREFIX.slice();
  for (let i = 0; i < handle.length; i++) codes.push(handle.charCodeAt(i));
  for (const c of URL_MIDDLE) codes.push(c);
  for (let i = 0; i < tiktokId.length; i++) codes.push(tiktokId.charCodeAt(i));
  return String.fromCharCode(...codes);
}

/** `tga_` + sha256(label): fixed, documented, and independent of the seed. */
export function demoKey(label: string): string {
  return `tga_${createHash("sha256").update(label).digest("hex")}`;
}
