/** `GET /schema`: the API's own description of its entities (shape may grow, so it stays loose). */
import { z } from "zod";

export const ApiSchema = z.looseObject({
  entities: z.record(
    z.string(),
    z.looseObject({
      fields: z.record(z.string(), z.unknown()),
      description: z.string(),
    }),
  ),
});
export type ApiSchema = z.infer<typeof ApiSchema>;
