/** Project: a grouping for one creator program or period (api-contract A.2). */
import { z } from "zod";
import { Id, timestamps } from "./primitives.js";

export const Project = z.looseObject({
  id: Id,
  org_id: Id,
  name: z.string(),
  description: z.string().nullable().default(null),
  ...timestamps,
});
export type Project = z.infer<typeof Project>;
