import type { Locator, Page, Request } from '@playwright/test';
import type { DialogWatch } from './dialogs.ts';

/** A real tap on touch devices (touch events), a mouse click elsewhere. */
export async function press(target: Locator, touch: boolean, timeout?: number): Promise<void> {
  const options = timeout !== undefined ? { timeout } : {};
  if (touch) await target.tap(options);
  else await target.click(options);
}

/**
 * An action that should have led to the next screen, and did not. The message says what
 * happened instead, in a reader's words (it goes into the manual writer's failure message).
 */
export class NavigationProblem extends Error {
  override name = 'NavigationProblem';
}

/** The press was answered by a JavaScript dialog that the suite dismissed (the manual check says which: checks/manual-check.ts). */
export class AnsweredByDialog extends NavigationProblem {
  override name = 'AnsweredByDialog';
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} 秒`;

/**
 * Runs an action (a click or a tap) that leads to another document, and waits, at most
 * `timeout` ms, until the main frame has moved there and loaded it. Fails with a
 * NavigationProblem saying what happened: a new tab or window opened, nothing happened at
 * all, or the next page did not answer in time (naming the request and the URL).
 */
export async function navigatingBy(page: Page, action: () => Promise<void>, timeout: number, dialogs?: DialogWatch): Promise<void> {
  const context = page.context();
  const main = page.mainFrame();
  const started = page.url();
  const requests: Request[] = [];
  const opened: Page[] = [];
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.frame() === main) requests.push(request);
  };
  const onPage = (other: Page) => {
    opened.push(other);
  };
  /** The document request that never answered: stopped, so that the page can still be described. */
  const noAnswer = async (pending: Request) => {
    await stopLoading(page);
    return new NavigationProblem(
      `押してから ${seconds(timeout)} 以内に次の画面が表示されませんでした（${pending.method()} ${pending.url()} の応答を待っています。URL は ${page.url()}）。`,
    );
  };
  page.on('request', onRequest);
  context.on('page', onPage);
  try {
    // Whichever comes first within `timeout`: the main frame moves on, another tab or window opens, or neither.
    const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === main, timeout }).then(
      () => 'navigated' as const,
      () => 'expired' as const,
    );
    const newWindow = context.waitForEvent('page', { timeout }).then(
      () => 'new-window' as const,
      () => new Promise<never>(() => {}),
    );
    // The press itself may wait for the navigation it started (Playwright waits for scheduled navigations), so it
    // races the outcomes too: a press that fails while its navigation request is pending is a page not answering.
    const pressed = action().then(
      () => new Promise<never>(() => {}),
      (error: unknown) => ({ error }),
    );
    // A dialog the suite dismisses (DIALOGS=dismiss) ends the wait: what follows is the site's answer to "cancel".
    const dialog = dialogs?.policy === 'dismiss' ? dialogs.next().then(() => 'dialog' as const) : new Promise<never>(() => {});
    const outcome = await Promise.race([navigated, newWindow, pressed, dialog]);
    if (outcome === 'dialog') {
      throw new AnsweredByDialog(
        page.url() === started
          ? 'ダイアログを閉じた直後の利用者のタブは、押す前と同じ URL です。'
          : `ダイアログを閉じた直後の利用者のタブの URL は ${page.url()} です。`,
      );
    }
    if (typeof outcome === 'object') {
      const pending = requests.at(-1);
      if (!pending) throw new NavigationProblem(`操作できませんでした: ${firstLine(outcome.error)}`);
      throw await noAnswer(pending);
    }
    if (outcome === 'new-window' || opened.length > 0) {
      const other = opened[0];
      await other?.waitForLoadState('domcontentloaded', { timeout: Math.min(timeout, 5_000) }).catch(() => {});
      throw new NavigationProblem(
        `押すと新しいタブ（ウィンドウ）が開きました（${other ? `URL ${other.url()}、タイトル「${await other.title().catch(() => '')}」` : ''}）。` +
          `操作したタブは URL ${page.url()} のままです（マニュアルでは、操作したこの画面に次の画面が表示されます）。`,
      );
    }
    if (outcome === 'expired') {
      const pending = requests.at(-1);
      if (pending) throw await noAnswer(pending);
      throw new NavigationProblem(
        `1 回押して ${seconds(timeout)} 待っても画面が変わりませんでした（次の画面の読み込みも始まらず、URL ${page.url()} のままです）。`,
      );
    }
    const left = Math.max(1_000, timeout);
    try {
      await page.waitForLoadState('load', { timeout: left });
    } catch {
      throw new NavigationProblem(`次の画面（${page.url()}）の読み込みが ${seconds(left)} 以内に終わりませんでした（操作前の URL ${started}）。`);
    }
  } finally {
    page.off('request', onRequest);
    context.off('page', onPage);
  }
}

/**
 * Stops a navigation that does not answer, as a person would press the browser's stop button: the page that was
 * shown stays, and the browser can be asked what it shows (while a document request is pending, Chromium answers
 * nothing about the page). Chromium only (CDP); elsewhere the page is left loading.
 */
async function stopLoading(page: Page): Promise<void> {
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Page.stopLoading');
    await cdp.detach();
  } catch {
    // not Chromium, or the page is gone: nothing to stop
  }
}

function firstLine(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\u001b\[[0-9;]*m/g, '');
  return text.split('\n')[0] ?? text;
}
