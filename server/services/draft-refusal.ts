// What a drafting thread answers when the drafter cannot draft an article: bad input stays bad input
// (400, naming the field); anything the drafter itself throws on an article — its own fact-file check
// failing, a structure too deep for it, any other error — is a 422 with a sentence for the reviewer,
// and the error itself goes to the server log. The drafter is a pure function of the article, so its
// failure is a property of that article, not of the server.
import { BadInput } from '../../domain/errors.ts';

export type Refusal =
  { kind: 'bad-input'; message: string; param?: string | undefined } | { kind: 'unprocessable'; message: string; log: string };

export function refusalOf(error: unknown): Refusal {
  if (error instanceof BadInput) return { kind: 'bad-input', message: error.message, param: error.param };
  const log = (error as Error)?.stack ?? String(error);
  const invalid = (listed: string) => ({
    kind: 'unprocessable' as const,
    log,
    message: `The drafter made facts from this article that do not pass the fact-file checks (${listed}); nothing was drafted. Simplify or shorten the article, or write the fact file by hand.`,
  });
  const issues = (error as { issues?: { path: (string | number)[]; message: string }[] }).issues;
  if ((error as Error)?.name === 'ZodError' && Array.isArray(issues))
    return invalid(
      issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; '),
    );
  // The drafter leaves out what the checks refuse, and says so when what is left still fails them.
  const unrepairable = /^the draft cannot be made valid: (.*)$/s.exec((error as Error)?.message ?? '');
  if (unrepairable) return invalid(unrepairable[1]!.slice(0, 300));
  if (error instanceof RangeError)
    return { kind: 'unprocessable', log, message: 'The article is structured too deeply for the drafter; send plain text.' };
  return { kind: 'unprocessable', log, message: 'The drafter failed on this article; the server log has the details.' };
}
