/**
 * The first-generation stats routes in `apiGeneration: "current"` (api-contract A.4): 410 `gone` with
 * `meta.replacement` pointing at `/analytics`. Callers check the resource exists first, so a missing id
 * is still a 404 in either generation.
 */
import { ApiError } from "./api-error.js";
import type { SandboxContext } from "./context.js";

export function assertStatsRouteServed(
  ctx: SandboxContext,
  entity: "creator" | "campaign" | "video",
  id: string,
): void {
  if (ctx.apiGeneration !== "current") return;
  const replacement = `/api/v1/analytics?entity=${entity}&entity_id=${id}`;
  throw new ApiError(410, "gone", `This endpoint was removed. Use ${replacement}`, { replacement });
}
