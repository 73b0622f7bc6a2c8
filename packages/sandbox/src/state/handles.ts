/**
 * TikTok handles: normalisation, validation, the platform ban list, and a per-project index from handle
 * to creators (active and soft-deleted) for the uniqueness and reactivation rules.
 */
import type { CreatorRecord } from "../world/types.js";

/**
 * Handles the sandbox treats as banned platform-wide, so `creator_banned` can be exercised. The real
 * list is not public; these are documented in the README.
 */
export const BANNED_HANDLES: ReadonlySet<string> = new Set(["banned_creator", "spam.account", "goat.banned"]);

const HANDLE = /^[a-z0-9._-]{1,30}$/;

/** Leading `@` removed, surrounding spaces trimmed, lowercased (handles are case-insensitive). */
export function normaliseHandle(raw: string): string {
  return raw.trim().replace(/^@/, "").toLowerCase();
}

export function isValidHandle(handle: string): boolean {
  return HANDLE.test(handle);
}

export function isBannedHandle(handle: string): boolean {
  return BANNED_HANDLES.has(handle);
}

export class HandleIndex {
  readonly #byProject = new Map<string, Map<string, Set<CreatorRecord>>>();

  constructor(creators: Iterable<CreatorRecord>) {
    for (const creator of creators) this.add(creator);
  }

  add(creator: CreatorRecord): void {
    let handles = this.#byProject.get(creator.project_id);
    if (!handles) {
      handles = new Map();
      this.#byProject.set(creator.project_id, handles);
    }
    const key = creator.tiktok_handle.toLowerCase();
    let set = handles.get(key);
    if (!set) {
      set = new Set();
      handles.set(key, set);
    }
    set.add(creator);
  }

  remove(creator: CreatorRecord, handle = creator.tiktok_handle): void {
    this.#byProject.get(creator.project_id)?.get(handle.toLowerCase())?.delete(creator);
  }

  /** Every creator of the project that has (or had, if deleted) this handle. */
  find(projectId: string, handle: string): CreatorRecord[] {
    return [...(this.#byProject.get(projectId)?.get(handle.toLowerCase()) ?? [])];
  }

  active(projectId: string, handle: string): CreatorRecord | undefined {
    return this.find(projectId, handle).find((c) => !c._deleted);
  }
}
