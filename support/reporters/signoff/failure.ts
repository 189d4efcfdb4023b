/**
 * What the sign-off shows of a failed step. A failed check of the suite attached its finding as data
 * (support/failure-fact.ts): kind, manual or requirement id, quoted sentence, what was checked, what the
 * page showed. That record is read here, never the error's prose. Any other error (a timeout, a crash in
 * a step) has no record: its message is kept whole, as `detail`, under its first line.
 */
import { type FailureFact, failureHeadline, firstLines, quotedLabel, withoutColours } from '../../failure-fact.ts';

export type FailureKind = FailureFact['kind'] | 'error';

export interface ParsedFailure {
  readonly kind: FailureKind;
  /** The manual id or requirement id the finding names. */
  readonly ref?: string;
  /** The first line, without the error class name. */
  readonly headline: string;
  /** マニュアルの記述 (or, for a security requirement, 要件). */
  readonly quoted?: string;
  readonly quotedLabel?: 'マニュアルの記述' | '要件';
  /** 確認した内容. */
  readonly expected?: string;
  /** 実際の画面. */
  readonly shows?: string;
  /** Playwright's own account (or the whole message of an error without a finding), trimmed. */
  readonly detail?: string;
}

const MAX_DETAIL_LINES = 14;

/** Strips ANSI colours and a leading `SomeError: `. */
function clean(message: string): string {
  return withoutColours(message).replace(/^\s*(?:[A-Z]\w*)?Error:\s*/, '');
}

/** Playwright's account without the stack and code frame (they point into the suite, not at the page), trimmed. */
function withoutStack(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s+at\s/.test(l));
  return (at >= 0 ? lines.slice(0, at) : lines).join('\n').trim();
}

/** A failed step: its finding when the suite recorded one, else its error message. */
export function failureFrom(fact: FailureFact | undefined, message: string | undefined): ParsedFailure {
  if (fact) {
    const detail = fact.detail ? withoutStack(clean(fact.detail)) : '';
    return {
      kind: fact.kind,
      ref: fact.ref,
      headline: failureHeadline(fact),
      quoted: fact.quoted,
      quotedLabel: fact.quoted !== undefined ? quotedLabel(fact) : undefined,
      expected: fact.expected,
      shows: fact.shows,
      detail: detail ? firstLines(detail, MAX_DETAIL_LINES) : undefined,
    };
  }
  const text = clean(message ?? '').trim();
  if (!text) return { kind: 'error', headline: '（エラーの内容が記録されていません）' };
  const [headline = '', ...rest] = text.split('\n');
  const detail = withoutStack(rest.join('\n'));
  return { kind: 'error', headline: headline.trim(), detail: detail ? firstLines(detail, MAX_DETAIL_LINES) : undefined };
}

/** The text to show for a step that failed without an exception (undefined, ambiguous, pending). */
export function statusFailure(status: string, stepText: string): ParsedFailure {
  const why: Record<string, string> = {
    UNDEFINED: '手順の定義がありません（steps/ にこの文のステップ定義がない）',
    AMBIGUOUS: '手順の定義が複数あり、どれを使うか決まりません',
    PENDING: '手順の定義が未完成です（pending）',
  };
  return { kind: 'error', headline: `${why[status] ?? `手順の結果が ${status} です`}: 「${stepText}」` };
}
