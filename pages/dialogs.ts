/**
 * JavaScript dialogs (alert, confirm, prompt, beforeunload) in a scenario's browser context: each is answered as the
 * run's policy says (DIALOGS: dismiss by default, as Playwright would; accept for a site whose manual describes the
 * confirmation) and recorded, so that a check can say that one appeared — a manual that has no step for a
 * confirmation is not what the site does, and "nothing happened" would be untrue.
 */
import type { BrowserContext, Dialog } from '@playwright/test';

export type DialogPolicy = 'dismiss' | 'accept';

export interface DialogSeen {
  readonly kind: ReturnType<Dialog['type']> | string;
  readonly message: string;
  /** What the suite answered. */
  readonly answer: DialogPolicy;
  /** The URL of the page that showed it. */
  readonly url: string;
}

const KIND: Record<string, string> = {
  alert: 'お知らせのダイアログ（alert）',
  confirm: '確認ダイアログ（confirm）',
  prompt: '入力を求めるダイアログ（prompt）',
  beforeunload: 'ページを離れてよいか確かめるダイアログ（beforeunload）',
};

/** A dialog in a reader's words: 確認ダイアログ（confirm）「ログアウトしますか？」が表示されました（…）。 */
export function describeDialog(d: DialogSeen): string {
  const answer = d.answer === 'accept' ? '「OK」で閉じました: DIALOGS=accept' : '「キャンセル」で閉じました';
  return `${KIND[d.kind] ?? `ダイアログ（${d.kind}）`}${d.message ? `「${d.message}」` : ''}が表示されました（このスイートは${answer}）。`;
}

export class DialogWatch {
  readonly #seen: DialogSeen[] = [];
  readonly #waiting = new Set<(d: DialogSeen) => void>();
  readonly #onDialog = (dialog: Dialog) => {
    const seen: DialogSeen = { kind: dialog.type(), message: dialog.message(), answer: this.policy, url: dialog.page()?.url() ?? '' };
    this.#seen.push(seen);
    for (const resolve of this.#waiting) resolve(seen);
    this.#waiting.clear();
    // A dialog answered twice (another listener) or on a page already gone throws: nothing to answer then.
    (this.policy === 'accept' ? dialog.accept() : dialog.dismiss()).catch(() => {});
  };

  constructor(
    private readonly context: BrowserContext,
    readonly policy: DialogPolicy,
  ) {
    context.on('dialog', this.#onDialog);
  }

  /** How many dialogs have been seen so far (a mark for since()). */
  get count(): number {
    return this.#seen.length;
  }

  /** The dialogs seen after the mark. */
  since(mark: number): DialogSeen[] {
    return this.#seen.slice(mark);
  }

  /** The next dialog (for a wait that should stop when the press was answered by a dialog instead of a new screen). */
  next(): Promise<DialogSeen> {
    return new Promise((resolve) => this.#waiting.add(resolve));
  }

  dispose(): void {
    this.context.off('dialog', this.#onDialog);
    this.#waiting.clear();
  }
}
