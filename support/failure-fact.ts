/**
 * What a failed check found, as data: written by the manual check (checks/manual-check.ts) as an attachment
 * of the failing step, read back by the sign-off report, the sensitivity run and anyone else who needs to
 * know WHICH manual step or requirement failed. The prose of the error message is made from the same record
 * (failureHeadline, failureMessage) for people to read; no program reads the prose.
 *
 * The attachment: media type FACT_MEDIA_TYPE, name FACT_NAME, body the JSON of one FailureFact. Playwright
 * (testInfo.attach), playwright-bdd's Cucumber messages, allure-playwright and cucumber-js (World.attach) all
 * carry it unchanged.
 */
import { z } from 'zod';

export const FACT_MEDIA_TYPE = 'application/vnd.manual-conformance.failure+json';
export const FACT_NAME = '不一致の記録.json';

export const FailureFactSchema = z.object({
  version: z.literal(1),
  /**
   * manual: a numbered step of the manual does not hold; note: a 注意 sentence does not hold; security: a
   * requirement beyond the manual is not met; precondition: a preparing step that is not the manual's failed.
   */
  kind: z.enum(['manual', 'note', 'security', 'precondition']),
  /** The manual id (e.g. 2.1(1)①) or the requirement id (e.g. ASVS 7.4.4); absent for a precondition. */
  ref: z.string().optional(),
  /** The manual section of the sentence: its id and title. */
  section: z.object({ id: z.string(), title: z.string() }).optional(),
  /** The manual sentence or the requirement, word for word. */
  quoted: z.string().optional(),
  /** Where a requirement comes from (e.g. ASVS 5.0 V7.4 Session Termination). */
  source: z.string().optional(),
  /** The feature step that ran the check. */
  step: z.string(),
  /** What was checked, in the reader's words. */
  expected: z.string(),
  /** What the page showed instead. */
  shows: z.string(),
  /** The address of the user's tab (the one the manual's steps are done in) when the check failed, when there was one. */
  url: z.string().optional(),
  /** The first lines of the tool's own account (Playwright's assertion message). */
  detail: z.string().optional(),
});

export type FailureFact = z.infer<typeof FailureFactSchema>;
export type FailureKind = FailureFact['kind'];

/** An attachment as Cucumber messages (mediaType, contentEncoding) or Playwright's JSON report (contentType) carry it. */
export interface FactAttachment {
  readonly mediaType?: string;
  readonly contentType?: string;
  readonly body?: string;
  readonly contentEncoding?: string;
}

/** The fact in an attachment's body (base64 or plain), or undefined when it is not one. */
export function readFact(attachment: FactAttachment): FailureFact | undefined {
  const type = attachment.mediaType ?? attachment.contentType;
  if (type !== FACT_MEDIA_TYPE || attachment.body === undefined) return undefined;
  const text = attachment.contentEncoding === 'BASE64' ? Buffer.from(attachment.body, 'base64').toString('utf8') : attachment.body;
  try {
    const parsed = FailureFactSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The last finding among a step's (or a test's) attachments: a step stops at its first failed check. */
export function lastFact(attachments: readonly FactAttachment[]): FailureFact | undefined {
  return attachments
    .map((a) => readFact(a))
    .filter((f): f is FailureFact => f !== undefined)
    .at(-1);
}

/** A tool's message without its terminal colours: the messages are also read in HTML and PDF reports. */
export const withoutColours = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');

/** The first `n` lines of a text, and an ellipsis line when there were more. */
export function firstLines(text: string, n: number): string {
  const lines = text.split('\n');
  return lines.length > n ? [...lines.slice(0, n), '…'].join('\n') : text;
}

/** The first line of the error message: what failed, named by its id. */
export function failureHeadline(fact: FailureFact): string {
  switch (fact.kind) {
    case 'security':
      return `セキュリティ要件 ${fact.ref} を満たしていません（マニュアルの範囲外の確認${fact.source ? `: OWASP ${fact.source}` : ''}）。`;
    case 'note':
      return `マニュアルの注意 ${fact.ref} が成り立っていません（${fact.section?.id} ${fact.section?.title}）。マニュアルを直す必要があるかもしれません。`;
    case 'manual':
      return `マニュアル ${fact.ref} のとおりになっていません（${fact.section?.id} ${fact.section?.title}）。`;
    case 'precondition':
      return `前提の操作がうまくいきませんでした（マニュアルの手順ではない準備の手順）: 「${fact.step}」`;
  }
}

/** The label of `quoted` in the message and the reports. */
export const quotedLabel = (fact: FailureFact): 'マニュアルの記述' | '要件' => (fact.kind === 'security' ? '要件' : 'マニュアルの記述');

/** The whole error message a person reads (console, HTML reports): made from the fact. */
export function failureMessage(fact: FailureFact): string {
  return [
    failureHeadline(fact),
    ...(fact.quoted !== undefined ? [`  ${quotedLabel(fact)}: 「${fact.quoted}」`] : []),
    `  確認した内容:     ${fact.expected}`,
    `  実際の画面:       ${fact.shows}`,
    ...(fact.url ? [`  利用者のタブの URL: ${fact.url}`] : []),
    '',
    '--- Playwright の詳細 ---',
    fact.detail ?? '',
  ].join('\n');
}
