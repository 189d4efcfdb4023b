/**
 * Read-only observations of what a page shows, used to tell a manual writer
 * what the screen actually had when a check failed. No assertions here.
 */
import type { Page } from '@playwright/test';
import type { LocatorSpec } from '../support/target-profile.ts';

export interface ControlOnScreen {
  readonly role: 'ボタン' | 'リンク';
  readonly name: string;
  /** Distance of the control's top edge from the top of the document, in CSS px. */
  readonly top: number;
  readonly bottom: number;
}

/** Visible buttons and links with an approximation of their accessible names, top to bottom. */
export async function visibleControls(page: Page): Promise<ControlOnScreen[]> {
  // No named helpers inside: tsx (the cucumber-js runner) compiles with keepNames, which wraps them in a
  // __name() call that does not exist in the page.
  return page.evaluate(() => {
    const out: { role: 'ボタン' | 'リンク'; name: string; top: number; bottom: number }[] = [];
    for (const el of document.querySelectorAll('a[href], button, [role="button"], [role="link"], input[type="submit"], input[type="button"]')) {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
      const isLink = el.tagName === 'A' || el.getAttribute('role') === 'link';
      // An approximation of the accessible name: aria-labelledby, aria-label, an input's value, the rendered text.
      const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
      const aria = el.getAttribute('aria-label')?.trim();
      const name =
        labelledBy ||
        aria ||
        (el instanceof HTMLInputElement
          ? el.value || el.title
          : // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
            (el as HTMLElement).innerText || el.querySelector('img[alt]')?.getAttribute('alt') || el.getAttribute('title') || '');
      out.push({
        role: isLink ? 'リンク' : 'ボタン',
        name: name.replace(/\s+/g, ' ').trim(),
        top: Math.round(rect.top + window.scrollY),
        bottom: Math.round(rect.bottom + window.scrollY),
      });
    }
    return out.sort((a, b) => a.top - b.top);
  });
}

export function formatControls(controls: readonly ControlOnScreen[]): string {
  if (controls.length === 0) return 'ボタンもリンクもありません';
  return controls.map((c) => `「${c.name || '(名前なし)'}」（${c.role}, 上端 ${c.top}px）`).join('、');
}

/** A read that gives up after `ms` (a page still loading must not hold a failure message for long). */
function within<T>(ms: number, read: Promise<T>, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([read.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

const READ_MS = 1_500;

/**
 * URL, title, the screen's own title element (as the target profile locates it: its CSS alternatives; headings
 * are listed anyway), headings and alerts: enough for a reader to recognise which screen it was. One evaluation
 * in the page as it is now (no locator waits: the page may be in the middle of a navigation that never ends).
 */
export async function describeScreen(page: Page, screenTitle?: LocatorSpec): Promise<string> {
  if (page.isClosed()) return '（タブは閉じられています）';
  const css = (screenTitle ?? []).flatMap((alt) => ('css' in alt ? [alt.css] : []));
  const seen = await within(
    READ_MS,
    page.evaluate((titleCss) => {
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      };
      const read = (selector: string) =>
        [...document.querySelectorAll(selector)]
          .filter(shown)
          // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
          .map((el) => ((el as HTMLElement).innerText || el.textContent || '').replace(/\s+/g, ' ').trim())
          .filter(Boolean)
          .slice(0, 8);
      return {
        title: document.title,
        named: titleCss.length > 0 ? read(titleCss.join(',')) : [],
        headings: read('h1, h2, h3, h4, h5, h6, [role="heading"]'),
        alerts: read('[role="alert"]'),
      };
    }, css),
    undefined,
  );
  if (!seen) return `URL ${page.url()}（画面を読み取れませんでした: 読み込み中のままです）`;
  const quote = (xs: string[]) => xs.map((x) => `「${x}」`).join('');
  return [
    `URL ${page.url()}`,
    `タイトル「${seen.title}」`,
    ...(seen.named.length > 0 ? [`画面名 ${quote(seen.named)}`] : []),
    `見出し ${seen.headings.length > 0 ? quote(seen.headings) : 'なし'}`,
    ...(seen.alerts.length > 0 ? [`表示されたメッセージ ${quote(seen.alerts)}`] : []),
  ].join('、');
}
