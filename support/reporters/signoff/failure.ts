/**
 * Reads a failed step's error message back into its parts. The suite writes them
 * (fixtures/manual-check.ts ManualMismatchError) as:
 *
 *   マニュアル 3.3(1)① のとおりになっていません（3.3(1) パソコン画面）。
 *     マニュアルの記述: 「…」
 *     確認した内容:     …
 *     実際の画面:       …
 *
 *   --- Playwright の詳細 ---
 *   …
 *
 * with 「マニュアルの注意 <id> が成り立っていません」, 「セキュリティ要件 <id> を満たしていません」
 * (label 要件) and 「前提の操作がうまくいきませんでした」 as the other headlines. Any other
 * error (a timeout, a crash in a step) is kept whole as `detail`.
 */

export type FailureKind = 'manual' | 'note' | 'security' | 'precondition' | 'error';

export interface ParsedFailure {
  readonly kind: FailureKind;
  /** The manual id (3.3(1)①) or requirement id (ASVS 7.4.4) the message names. */
  readonly ref?: string;
  /** The first line, without the error class name. */
  readonly headline: string;
  /** マニュアルの記述 (or, for a security requirement, 要件), without its 「」. */
  readonly quoted?: string;
  readonly quotedLabel?: 'マニュアルの記述' | '要件';
  /** 確認した内容. */
  readonly expected?: string;
  /** 実際の画面. */
  readonly shows?: string;
  /** Playwright's own account (or the whole message of an unrecognised error), trimmed. */
  readonly detail?: string;
}

const DETAIL_MARKER = /\n-{3}\s*Playwright の詳細\s*-{3}\n/;
const FIELD_RE = /^\s*(マニュアルの記述|要件|確認した内容|実際の画面):\s?(.*)$/;
const HEADLINES: readonly [FailureKind, RegExp][] = [
  ['note', /マニュアルの注意\s+(\S+?)\s+が成り立っていません/],
  ['manual', /マニュアル\s+(\S+?)\s+のとおりになっていません/],
  ['security', /セキュリティ要件\s+(.+?)\s+を満たしていません/],
  ['precondition', /前提の操作がうまくいきませんでした/],
];
const MAX_DETAIL_LINES = 14;

/** Strips ANSI colours and a leading `SomeError: `. */
function clean(message: string): string {
  return message.replace(/\u001b\[[0-9;]*m/g, '').replace(/^\s*(?:[A-Z]\w*)?Error:\s*/, '');
}

/** Playwright's account without the stack and code frame (they point into the suite, not at the page). */
function withoutStack(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^\s+at\s/.test(l));
  return (at >= 0 ? lines.slice(0, at) : lines).join('\n').trim();
}

function firstLines(text: string, n: number): string {
  const lines = text.trim().split('\n');
  return lines.length > n ? [...lines.slice(0, n), '…'].join('\n') : lines.join('\n');
}

function unquote(text: string): string {
  const m = /^「([\s\S]*)」$/.exec(text.trim());
  return m?.[1] ?? text.trim();
}

export function parseFailure(message: string | undefined): ParsedFailure {
  const text = clean(message ?? '').trim();
  if (!text) return { kind: 'error', headline: '（エラーの内容が記録されていません）' };
  const [head = '', ...rest] = text.split(DETAIL_MARKER);
  const lines = head.split('\n');
  const headline = (lines[0] ?? '').trim();
  const match = HEADLINES.find(([, re]) => re.test(headline));
  if (!match) {
    return { kind: 'error', headline, detail: firstLines(withoutStack(lines.slice(1).join('\n')), MAX_DETAIL_LINES) || undefined };
  }
  const [kind, re] = match;
  const fields = new Map<string, string>();
  let current: string | undefined;
  for (const line of lines.slice(1)) {
    const field = FIELD_RE.exec(line);
    if (field) {
      current = field[1] as string;
      fields.set(current, (field[2] ?? '').trim());
    } else if (current && line.trim()) {
      fields.set(current, `${fields.get(current) ?? ''}\n${line.trim()}`);
    } else {
      current = undefined;
    }
  }
  const quotedLabel = fields.has('マニュアルの記述') ? 'マニュアルの記述' : fields.has('要件') ? '要件' : undefined;
  const quoted = quotedLabel ? fields.get(quotedLabel) : undefined;
  const detail = withoutStack(rest.join('\n'));
  return {
    kind,
    ref: re.exec(headline)?.[1],
    headline,
    quoted: quoted === undefined ? undefined : unquote(quoted),
    quotedLabel,
    expected: fields.get('確認した内容'),
    shows: fields.get('実際の画面'),
    detail: detail ? firstLines(detail, MAX_DETAIL_LINES) : undefined,
  };
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
