/** What every annotation import reports: each problem with where it is in the file. */
import type { z } from 'zod';

export interface ImportProblem {
  /** Where in the file, as dotted keys and indexes ("first.items.3.body.0.value"); "" for the whole file. */
  path: string;
  message: string;
}

/** Problems listed in full; a file with more is refused all the same. */
export const MAX_PROBLEMS = 50;

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A schema's issues as problems, their paths under `prefix`. */
export function issuesOf(error: z.ZodError, prefix: (string | number)[]): ImportProblem[] {
  return error.issues.map((issue) => ({
    path: [...prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
