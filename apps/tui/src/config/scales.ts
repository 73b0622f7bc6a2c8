/**
 * The demo sandbox's world sizes, kept here so parsing flags does not load the sandbox (and its HTTP
 * stack) for commands that never start one; a test keeps this list equal to @goatkit/sandbox's SCALES.
 * @module
 */
export const SCALES = ["tiny", "small", "medium", "large"] as const;
export type Scale = (typeof SCALES)[number];
