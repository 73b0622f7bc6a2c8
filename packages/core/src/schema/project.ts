/** Project: a grouping for one creator program or period (api-contract A.2). */
import { z } from "zod";
import { nullableText, timestampFields } from "./fields.js";
import { Id } from "./primitives.js";
import { core, documented, readers } from "./readers.js";

const project = readers({
  id: core(Id),
  org_id: documented(Id),
  name: core(z.string()),
  description: nullableText(),
  ...timestampFields,
});

export const Project = project.tolerant;
export type Project = z.infer<typeof Project>;
export const StrictProject = project.strict;
export type StrictProject = z.infer<typeof StrictProject>;
