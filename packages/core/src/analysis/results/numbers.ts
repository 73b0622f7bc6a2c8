/**
 * The number shapes the result schemas share, so a count is a non-negative integer everywhere and a
 * figure that can be undefined is `null`, never NaN.
 * @module
 */
import { z } from "zod";

/** A count: a non-negative integer. */
export const Int = z.number().int().nonnegative();

/** A finite figure. */
export const Num = z.number();

/** A figure that is `null` where it is undefined (no data, a division by 0). */
export const NumOrNull = z.number().nullable();
