// One reviewer's verdict on one drafted fact, as the review sends it and the decision log keeps it:
// the fact's path, the rule that drafted it, and accepted / edited / rejected.
import { z } from 'zod';

export const DECISIONS = ['accepted', 'edited', 'rejected'] as const;

export const decisionSchema = z
  .object({
    /** The fact's path in the draft ("people[2]", "events[0]"). */
    path: z
      .string()
      .regex(/^[a-z]+\[\d+\](?:\.[a-zA-Z]+\[\d+\])*$/, 'a fact path like "events[0]"')
      .max(80),
    rule: z
      .string()
      .regex(/^[a-z][a-z0-9:+-]*$/, 'a rule name like "meeting:trigger-in-sentence"')
      .max(120),
    decision: z.enum(DECISIONS),
    /** What the fact says, for whoever reads the log ("Meeting of A and B"). */
    label: z.string().max(300).optional(),
  })
  .strict();
export type Decision = z.infer<typeof decisionSchema>;
