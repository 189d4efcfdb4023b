/**
 * Who approved which figure, when, against which manual revision: `manual/<section>/figures/<profile>/approvals.json`,
 * committed beside the approved figures, written by `npm run figures:approve` (the latest approval of each figure;
 * git keeps the history). And the decisions a writer takes on the review page (support/figures/review.tsx): a small
 * JSON file the page saves, which `npm run figures:approve -- --from <file>` applies.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const APPROVALS_FILE = 'approvals.json';

const ApprovalSchema = z
  .object({
    approvedBy: z.string().min(1),
    /** ISO 8601. */
    approvedAt: z.string().min(1),
    /** The transcript's revision when approved (the first 12 hex digits of its SHA-256). */
    manualRevision: z.string().optional(),
    /** Share of pixels that differed from the figure approved before (0–1), when there was one. */
    ratio: z.number().optional(),
    comment: z.string().optional(),
    /** SHA-256 of the approved figure's file, so that the record names exactly the image approved. */
    figure: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type Approval = z.infer<typeof ApprovalSchema>;

/** approvals.json: by `<manual id> <project>`. */
const ApprovalsSchema = z.object({ approvals: z.record(z.string(), ApprovalSchema) }).strict();

export const approvalKey = (manualId: string, project: string) => `${manualId} ${project}`;

/** The approvals file of the folder an approved figure lives in (…/figures/<profile>/<manual id>/<project>.png). */
export const approvalsFileFor = (approvedFigure: string) => join(dirname(dirname(approvedFigure)), APPROVALS_FILE);

export function readApprovals(file: string): Record<string, Approval> {
  if (!existsSync(file)) return {};
  const parsed = ApprovalsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data.approvals;
}

/** The approval on record for an approved figure, if it is still the figure approved (same bytes). */
export function approvalOf(approvedFigure: string, manualId: string, project: string): Approval | undefined {
  const approval = readApprovals(approvalsFileFor(approvedFigure))[approvalKey(manualId, project)];
  if (!approval || !existsSync(approvedFigure)) return undefined;
  return fileHash(approvedFigure) === approval.figure ? approval : undefined;
}

export function recordApproval(approvedFigure: string, manualId: string, project: string, approval: Approval): void {
  const file = approvalsFileFor(approvedFigure);
  const approvals = { ...readApprovals(file), [approvalKey(manualId, project)]: ApprovalSchema.parse(approval) };
  const sorted = Object.fromEntries(Object.entries(approvals).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(file, `${JSON.stringify({ approvals: sorted }, null, 2)}\n`);
}

export const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** What the review page saves: the reviewer, and one decision per figure looked at. */
export const DecisionsSchema = z
  .object({
    version: z.literal(1),
    reviewer: z.string().trim().min(1),
    savedAt: z.string().min(1),
    decisions: z.array(
      z
        .object({
          manualId: z.string().min(1),
          project: z.string().min(1),
          profile: z.string().min(1),
          /** SHA-256 of the fresh figure the reviewer saw. */
          figure: z.string().regex(/^[0-9a-f]{64}$/),
          decision: z.enum(['approve', 'reject']),
          comment: z.string().default(''),
        })
        .strict(),
    ),
  })
  .strict();
export type Decisions = z.infer<typeof DecisionsSchema>;
