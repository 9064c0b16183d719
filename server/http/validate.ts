// Parses request input with a zod schema; a failure becomes BadInput naming each parameter and what
// was expected, so the client gets a 400 problem+json, never a 500.
import type { z } from 'zod';
import { BadInput } from '../../domain/errors.ts';

export function parseInput<S extends z.ZodTypeAny>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const param =
      (issue.path[0] !== undefined ? String(issue.path[0]) : '') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown parameter(s): ${issue.keys.join(', ')}`
        : issue.code === 'invalid_type' && issue.received === 'undefined'
          ? 'is required'
          : issue.code === 'invalid_type' && issue.received === 'array'
            ? 'given more than once; expected a single value'
            : issue.message;
    return { param, message };
  });
  const first = problems[0]!;
  throw new BadInput(problems.map((p) => `${p.param}: ${p.message}`).join('; '), first.param, problems);
}
