/**
 * The checks of a control that a manual step names (「画面上部にある「ログアウト」ボタンをクリックします」): it is
 * shown at the top of the screen, it reads the manual's word, nothing covers it, and pressing it leads to the next
 * screen in the same tab. Each check names the manual step (or requirement) it proves and, when it fails, says what
 * the screen had instead, naming the profile entry that was looked for.
 */
import type { Page } from '@playwright/test';
import type { Control } from '../pages/control.ts';
import { NavigationProblem } from '../pages/interact.ts';
import { accessibleName, controlsInTopArea, controlsReading, formatControls, placement, whatIsOnTop } from '../pages/observe.ts';
import type { SuiteConfig } from '../support/config.ts';
import type { ManualCheck, Requirement } from './manual-check.ts';
import { expect } from './matchers.ts';

/** What the checks of a control use from the step context. */
export interface ControlCheckContext {
  readonly page: Page;
  readonly manual: ManualCheck;
  readonly suite: SuiteConfig;
  remark(text: string, ref?: string): void;
  /** What the user's tab shows (its screen, in words). */
  describe(): Promise<string>;
}

/** Which manual step (or requirement beyond the manual) a check proves, and on which screen. */
export interface Proves {
  readonly manualId?: string;
  readonly requirement?: Requirement;
  /** The screen the check is made on, in words, said first when it fails (e.g. that opening it answered HTTP 404). */
  readonly screen?: () => Promise<string>;
}

/** A claim's reference and an observation that starts with the screen when the check names one. */
function claimOf(proves: Proves, observe: (error: unknown) => Promise<string>) {
  const { screen, ...ref } = proves;
  return { ...ref, observe: async (error: unknown) => `${screen ? `${await screen()}。` : ''}${await observe(error)}` };
}

/** A share of the viewport in words: 25%. */
export const percent = (ratio: number) => `${Math.round(ratio * 100)}%`;

/**
 * The control is visible and wholly inside the top area of the first viewport (suite.topAreaRatio), without
 * scrolling. A failure lists the controls that are at the top; with `name`, also where controls of that name are.
 */
export async function checkAtTop(ctx: ControlCheckContext, proves: Proves, control: Control, options: { name?: string; expected?: string } = {}) {
  const ratio = ctx.suite.topAreaRatio;
  const { name } = options;
  await ctx.manual.verify(
    {
      expected: options.expected ?? `画面上部（スクロールせずに見える最初の画面の上 ${percent(ratio)}）に${control.what}が表示されている`,
      ...claimOf(proves, async () => {
        const top = await controlsInTopArea(ctx.page, ratio);
        const elsewhere = name === undefined ? [] : await controlsReading(ctx.page, name);
        const where =
          name === undefined
            ? ''
            : elsewhere.length > 0
              ? ` 「${name}」は画面上部の外にあります: ${formatControls(elsewhere)}。`
              : ` 画面のどこにも「${name}」という名前のボタン・リンクはありません。`;
        return `画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}${name === undefined ? '' : '。'}${where}（探したもの: ${control.lookedFor}）`;
      }),
    },
    () => expect(control.locator).toBeInTopArea(ratio),
  );
}

/** The control reads `name` to a person (NFKC folding; a remark when only the folded form matches); `what` names it in the claim. */
export async function checkNamed(ctx: ControlCheckContext, proves: Proves, control: Control, name: string, what: string = control.what) {
  const ratio = ctx.suite.topAreaRatio;
  await ctx.manual.verify(
    {
      expected: `${what}の名前が「${name}」である（全角・半角の違いは同じとみなす）`,
      ...claimOf(proves, async () => {
        const top = await controlsInTopArea(ctx.page, ratio);
        return (
          `${control.entry} に当たる操作部品の名前は「${(await accessibleName(control.locator)) ?? '（表示されていません）'}」です。` +
          ` 画面上部（0〜${top.limit}px）にある操作部品: ${formatControls(top.controls)}`
        );
      }),
    },
    () => expect(control.locator).toBeNamed(name),
  );
  const actual = await accessibleName(control.locator);
  if (actual !== undefined && actual.trim() !== name) {
    const where = proves.manualId ?? proves.requirement?.id ?? control.what;
    ctx.remark(`画面の表記は「${actual.trim()}」で、マニュアルの「${name}」とは字形が違います（NFKC で同じ文字列になるため一致とみなしました）。`, where);
  }
}

/** Nothing (a banner, an overlay) covers the control: a press at its centre lands on it. */
export async function checkNotCovered(ctx: ControlCheckContext, proves: Proves, control: Control) {
  await ctx.manual.verify(
    {
      expected: `${control.what}がほかの要素に覆われておらず、押せる`,
      ...claimOf(proves, async () => `${control.what}の中央には別の要素 ${await whatIsOnTop(control.locator)} が重なっていて、押すとそちらに当たります。`),
    },
    () => expect(control.locator).toReceivePresses(),
  );
}

/** Presses a control that leads to the next screen: the press and the wait for the screen are the step's check. */
export async function pressToNextScreen(ctx: ControlCheckContext, proves: Proves, control: Control, pressAndWait: () => Promise<void>) {
  await ctx.manual.verify(
    {
      expected: `${control.what}を押すと、同じタブで ${ctx.suite.timeouts.action / 1000} 秒以内に次の画面が表示される`,
      // The diagnosis (a new tab, nothing happened, no answer, a dialog …), then the screen.
      ...claimOf(proves, async (error) => `${error instanceof NavigationProblem ? `${error.message} ` : ''}${await ctx.describe()}`),
    },
    pressAndWait,
  );
}

/** The control is wholly inside the screen as it is now (e.g. an opened menu's item, without scrolling). */
export async function checkWithinScreen(ctx: ControlCheckContext, proves: Proves, control: Control, expected: string) {
  await ctx.manual.verify(
    {
      expected,
      ...claimOf(proves, async () => {
        const at = await placement(control.locator);
        return at
          ? `${control.what}は上端 ${Math.round(at.top)}px〜下端 ${Math.round(at.bottom)}px で、画面（高さ ${at.viewportHeight}px）の外にはみ出しています。${await ctx.describe()}`
          : `${control.what}が表示されていません（${control.lookedFor}）。${await ctx.describe()}`;
      }),
    },
    () => expect(control.locator).toBeInViewport({ ratio: 1 }),
  );
}
