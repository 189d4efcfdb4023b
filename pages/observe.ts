/**
 * Read-only observations of what a page shows, used to tell a manual writer
 * what the screen actually had when a check failed. No assertions here.
 */
import type { Page } from '@playwright/test';
import { type LocatorSpec, locateAll } from '../support/target-profile.ts';

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

const texts = async (page: Page, read: () => Promise<string[]>) =>
  (await read().catch(() => [] as string[])).slice(0, 8).map((h) => `「${h.replace(/\s+/g, ' ').trim()}」`);

/**
 * URL, title, the screen's own title element (as the target profile locates it), headings and
 * alerts: enough for a reader to recognise which screen it was.
 */
export async function describeScreen(page: Page, screenTitle?: LocatorSpec): Promise<string> {
  if (page.isClosed()) return '（タブは閉じられています）';
  const title = await page.title().catch(() => '(取得できません)');
  const named = screenTitle ? await texts(page, () => locateAll(page, screenTitle).filter({ visible: true }).allInnerTexts()) : [];
  const headings = await texts(page, () => page.getByRole('heading').filter({ visible: true }).allInnerTexts());
  const alerts = await texts(page, () => page.getByRole('alert').filter({ visible: true }).allInnerTexts());
  return [
    `URL ${page.url()}`,
    `タイトル「${title}」`,
    ...(named.length > 0 ? [`画面名 ${named.join('')}`] : []),
    `見出し ${headings.length > 0 ? headings.join('') : 'なし'}`,
    ...(alerts.length > 0 ? [`表示されたメッセージ ${alerts.join('')}`] : []),
  ].join('、');
}
