/**
 * The demo sandbox's world sizes, from the sandbox's light `cli-options` entry, so parsing flags and the
 * config file does not load the sandbox (and its HTTP stack) for commands that never start one.
 * @module
 */
export { DEMO_SCALES as SCALES } from "@goatkit/sandbox/cli-options";

import type { DEMO_SCALES } from "@goatkit/sandbox/cli-options";
export type Scale = (typeof DEMO_SCALES)[number];
