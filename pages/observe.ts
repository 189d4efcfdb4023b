/**
 * Read-only observations of what a page shows, used to tell a manual writer
 * what the screen actually had when a check failed. No assertions here.
 *
 * The page is read as a person sees it: the composed tree, with what open shadow roots hold (a custom header's
 * ログアウト is on the screen like any other). Functions run in the page have no named helpers inside: tsx (the
 * cucumber-js runner) compiles with keepNames, which wraps a named function in a __name() call that does not exist
 * in the page.
 */
import type { Locator, Page } from '@playwright/test';
import { foldedPattern, type LocatorSpec } from '../support/target-profile.ts';

export type ControlRole = 'ボタン' | 'リンク' | 'メニュー項目' | '開閉ボタン';

/** An element as a CSS path names it: its tag, id and class attribute (read in the page, formatted by cssPath). */
export interface ElementParts {
  readonly tag: string;
  readonly id: string;
  readonly cls: string;
}

/** A short CSS path: the element (id, else its classes), under its parent (id, else its first class) when it has no id. */
export function cssPath(el: ElementParts, parent?: ElementParts): string {
  const classes = (cls: string) => cls.trim().split(/\s+/).filter(Boolean);
  const own = el.id
    ? `${el.tag}#${el.id}`
    : `${el.tag}${classes(el.cls)
        .map((c) => `.${c}`)
        .join('')}`;
  if (!parent || el.id) return own;
  const first = classes(parent.cls)[0];
  return `${parent.id ? `${parent.tag}#${parent.id}` : `${parent.tag}${first ? `.${first}` : ''}`} > ${own}`;
}

export interface ControlOnScreen {
  readonly role: ControlRole;
  readonly name: string;
  /** Distance of the control's top edge from the top of the document, in CSS px. */
  readonly top: number;
  readonly bottom: number;
  /** Its place in the page, as a CSS path (a shadow root's host, then `>>>`, then the path inside it). */
  readonly path: string;
  /** Inside an open shadow root. */
  readonly inShadow: boolean;
}

/**
 * Visible controls a person would press — links, buttons, menu items, a <details>'s <summary>, inputs that submit,
 * and anything else a script makes pressable (onclick, tabindex) that has a name — in the document and in every
 * open shadow root, with an approximation of their accessible names (aria-labelledby, aria-label, an input's value,
 * the rendered text, an image's alt, the title), top to bottom.
 */
export async function visibleControls(page: Page | Locator): Promise<ControlOnScreen[]> {
  const scan = (within?: Element | null) => {
    const root: Element | Document = within ?? document;
    const out: {
      role: ControlRole;
      name: string;
      top: number;
      bottom: number;
      hosts: string;
      parts: ElementParts;
      parentParts: ElementParts | undefined;
      inShadow: boolean;
    }[] = [];
    const SELECTOR =
      'a[href], button, summary, [role="button"], [role="link"], [role="menuitem"], input[type="submit"], input[type="button"], input[type="image"], [onclick], [tabindex]:not([tabindex="-1"])';
    // Every tree to search: the root's own, then each open shadow root found in it (depth first).
    const trees: { node: Element | Document | ShadowRoot; host: string }[] = [{ node: root, host: '' }];
    const seen = new Set<Element>();
    for (let t = 0; t < trees.length; t++) {
      const tree = trees[t];
      if (!tree) continue;
      const all = [...tree.node.querySelectorAll('*')];
      if (tree.node instanceof Element) all.unshift(tree.node);
      for (const el of all) {
        if (el.shadowRoot) {
          let hostPath = el.tagName.toLowerCase();
          if (el.id) hostPath += `#${el.id}`;
          trees.push({ node: el.shadowRoot, host: `${tree.host}${hostPath} >>> ` });
        }
        if (!el.matches(SELECTOR) || seen.has(el)) continue;
        seen.add(el);
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        if (style.visibility === 'hidden' || rect.width === 0 || rect.height === 0) continue;
        const rootNode = el.getRootNode() as Document | ShadowRoot;
        const labelledBy = (el.getAttribute('aria-labelledby') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => rootNode.getElementById?.(id)?.textContent ?? '')
          .join(' ')
          .trim();
        const aria = el.getAttribute('aria-label')?.trim();
        const name =
          labelledBy ||
          aria ||
          (el instanceof HTMLInputElement
            ? el.value || el.alt || el.title
            : // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
              (el as HTMLElement).innerText || el.querySelector('img[alt]')?.getAttribute('alt') || el.getAttribute('title') || '');
        const role = el.getAttribute('role');
        const tag = el.tagName;
        // A control without a name and without a role of its own (a tabindex on a container) is not one a person could name.
        if (!name.trim() && !role && !['A', 'BUTTON', 'SUMMARY', 'INPUT'].includes(tag)) continue;
        let kind: ControlRole = 'ボタン';
        if (role === 'link' || (!role && tag === 'A')) kind = 'リンク';
        else if (role === 'menuitem') kind = 'メニュー項目';
        else if (!role && tag === 'SUMMARY') kind = '開閉ボタン';
        const parent = el.parentElement;
        const parts = { tag: tag.toLowerCase(), id: el.id, cls: typeof el.className === 'string' ? el.className : '' };
        const parentParts = parent
          ? { tag: parent.tagName.toLowerCase(), id: parent.id, cls: typeof parent.className === 'string' ? parent.className : '' }
          : undefined;
        out.push({
          role: kind,
          name: name.replace(/\s+/g, ' ').trim(),
          top: Math.round(rect.top + window.scrollY),
          bottom: Math.round(rect.bottom + window.scrollY),
          hosts: tree.host,
          parts,
          parentParts,
          inShadow: tree.host !== '',
        });
      }
    }
    return out.sort((a, b) => a.top - b.top);
  };
  // A page: the whole document; a locator: inside that element (e.g. an opened menu).
  const found = 'mainFrame' in page ? await page.evaluate(scan, null) : await page.evaluate(scan);
  return found.map(({ hosts, parts, parentParts, ...c }) => ({ ...c, path: `${hosts}${cssPath(parts, parentParts)}` }));
}

export function formatControls(controls: readonly ControlOnScreen[]): string {
  if (controls.length === 0) return 'ボタンもリンクもありません';
  return controls.map((c) => `「${c.name || '(名前なし)'}」（${c.role}${c.inShadow ? '、シャドウ DOM 内' : ''}, 上端 ${c.top}px）`).join('、');
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

/** Which tab or browser a description is of: every URL and screen in a message says whose it is. */
export type Viewpoint = string;

/** The tab the user works in (the manual's steps are done there). */
export const USER_TAB: Viewpoint = '利用者のタブ';

/**
 * URL, title, the screen's own title element (as the target profile locates it: its CSS alternatives; headings
 * are listed anyway), headings and alerts: enough for a reader to recognise which screen it was, labelled with the
 * tab it is of (`viewpoint`), and the HTTP status when the document was answered with an error. One evaluation in
 * the page as it is now (no locator waits: the page may be in the middle of a navigation that never ends).
 */
export async function describeScreen(page: Page, screenTitle?: LocatorSpec, viewpoint: Viewpoint = USER_TAB, status?: number): Promise<string> {
  if (page.isClosed()) return `${viewpoint}: （タブは閉じられています）`;
  const css = (screenTitle ?? []).flatMap((alt) => ('css' in alt ? [alt.css] : []));
  const seen = await within(
    READ_MS,
    page.evaluate((titleCss) => {
      const selectors = { named: titleCss.join(','), headings: 'h1, h2, h3, h4, h5, h6, [role="heading"]', alerts: '[role="alert"]' };
      const found: Record<string, string[]> = { named: [], headings: [], alerts: [] };
      for (const [key, selector] of Object.entries(selectors)) {
        if (!selector) continue;
        // The document and its open shadow roots.
        const roots: (Document | ShadowRoot)[] = [document];
        for (let i = 0; i < roots.length; i++) {
          for (const el of roots[i]?.querySelectorAll('*') ?? []) if (el.shadowRoot) roots.push(el.shadowRoot);
        }
        for (const root of roots) {
          for (const el of root.querySelectorAll(selector)) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
            // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
            const text = ((el as HTMLElement).innerText || el.textContent || '').replace(/\s+/g, ' ').trim();
            if (text && (found[key]?.length ?? 0) < 8) found[key]?.push(text);
          }
        }
      }
      return { title: document.title, named: found.named ?? [], headings: found.headings ?? [], alerts: found.alerts ?? [] };
    }, css),
    undefined,
  );
  const answered = status !== undefined && status >= 400 ? [`HTTP ${status}`] : [];
  if (!seen) return `${viewpoint}: URL ${page.url()}${answered.length > 0 ? `（${answered[0]}）` : ''}（画面を読み取れませんでした: 読み込み中のままです）`;
  const quote = (xs: string[]) => xs.map((x) => `「${x}」`).join('');
  return `${viewpoint}: ${[
    `URL ${page.url()}`,
    ...answered,
    `タイトル「${seen.title}」`,
    ...(seen.named.length > 0 ? [`画面名 ${quote(seen.named)}`] : []),
    `見出し ${seen.headings.length > 0 ? quote(seen.headings) : 'なし'}`,
    ...(seen.alerts.length > 0 ? [`表示されたメッセージ ${quote(seen.alerts)}`] : []),
  ].join('、')}`;
}

/**
 * Where the document the tab shows came from, in a reader's words, read from the page's own navigation timing:
 * restored whole from the browser's back/forward cache (the document kept from before), taken from its HTTP cache
 * (no request reached the server), or answered by the server. Undefined when the page cannot say.
 */
export async function whereDocumentCameFrom(page: Page): Promise<string | undefined> {
  if (page.isClosed()) return undefined;
  const entry = await within(
    READ_MS,
    page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return nav
        ? { type: nav.type, transferSize: nav.transferSize, status: (nav as PerformanceNavigationTiming & { responseStatus?: number }).responseStatus }
        : undefined;
    }),
    undefined,
  );
  if (!entry) return undefined;
  if (entry.type === 'navigate') {
    return 'この画面は、ブラウザーが「戻る」のために保存していたページ（back/forward キャッシュ）がそのまま表示されたものです: サーバーへの要求はありませんでした。';
  }
  const how = entry.type === 'back_forward' ? '「戻る」で' : entry.type === 'reload' ? '再読み込みで' : '';
  if (entry.transferSize === 0) {
    return `この画面は、${how}ブラウザーの HTTP キャッシュから表示されました: サーバーへの要求はありませんでした（応答が保存を禁じていません）。`;
  }
  return `この画面は、${how}サーバーから返されました${entry.status ? `（HTTP ${entry.status}）` : ''}: サーバーがログアウト前のセッションで求職者マイページを返しています。`;
}

// ---------------------------------------------------------------------------------------------
// A control's geometry and name, as the checks of a control read them (checks/controls.ts)

/** Where an element sits relative to the first viewport (document coordinates, CSS px). */
export interface Placement {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly viewportWidth: number;
  readonly viewportHeight: number;
}

/** The element's box in document coordinates with the viewport's size, or undefined when it is not visible. */
export async function placement(target: Locator): Promise<Placement | undefined> {
  if (!(await target.isVisible())) return undefined;
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      top: r.top + window.scrollY,
      bottom: r.bottom + window.scrollY,
      left: r.left + window.scrollX,
      right: r.right + window.scrollX,
      viewportWidth: window.innerWidth,
      viewportHeight: window.innerHeight,
    };
  });
}

/** The accessible name of an element as Playwright computes it (from its ARIA snapshot), or undefined when it is not visible. */
export async function accessibleName(target: Locator, timeout?: number): Promise<string | undefined> {
  if (!(await target.isVisible())) return undefined;
  const snapshot = await target.ariaSnapshot(timeout !== undefined ? { timeout } : {}).catch(() => '');
  const quoted = /^- [\w-]+ "((?:[^"\\]|\\.)*)"/.exec(snapshot)?.[1];
  if (quoted !== undefined) return quoted.replace(/\\(.)/g, '$1');
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
  return (await target.innerText().catch(() => '')).trim() || ((await target.getAttribute('value')) ?? undefined);
}

/** Buttons and links whose whole box lies in the top `ratio` of the first viewport, and where that area ends. */
export async function controlsInTopArea(page: Page, ratio: number): Promise<{ limit: number; controls: ControlOnScreen[] }> {
  const limit = Math.round((await page.evaluate(() => window.innerHeight)) * ratio);
  const controls = (await visibleControls(page)).filter((c) => c.bottom <= limit);
  return { limit, controls };
}

/** Visible controls whose name reads `name` after NFKC folding. */
export async function controlsReading(page: Page | Locator, name: string): Promise<ControlOnScreen[]> {
  const pattern = foldedPattern(name);
  return (await visibleControls(page)).filter((c) => pattern.test(c.name));
}

/**
 * What covers an element at its centre point, if anything: 'self', or a short description of the element on top.
 * Read in the composed tree, as a press lands: the point is followed into open shadow roots, and an element inside a
 * shadow root is never covered by its own host. A host whose shadow root is closed cannot be looked into: it is
 * named as such (Chromium: through the DevTools protocol).
 */
export async function whatIsOnTop(target: Locator): Promise<string | 'self' | 'absent'> {
  if ((await target.count()) === 0) return 'absent';
  const box = await target.boundingBox().catch(() => null);
  if (!box) return 'absent';
  const found = await target.evaluate(
    (el, point) => {
      let top = document.elementFromPoint(point.x, point.y);
      // Into open shadow roots, as the press would go.
      for (let depth = 0; top?.shadowRoot && depth < 32; depth++) {
        const inner: Element | null = top.shadowRoot.elementFromPoint(point.x, point.y);
        if (!inner || inner === top) break;
        top = inner;
      }
      if (!top) return { on: '画面の外', custom: false };
      // Either inside the other, across shadow boundaries (parentNode, or a shadow root's host).
      const within = [
        [el, top],
        [top, el],
      ].some(([outer, inner]) => {
        for (let n: Node | null = inner ?? null; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) if (n === outer) return true;
        return false;
      });
      if (top === el || within) return { on: 'self', custom: false };
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen (textContent would add hidden text)
      const text = ((top as HTMLElement).innerText ?? top.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const id = top.id ? `#${top.id}` : '';
      const cls = typeof top.className === 'string' && top.className.trim() ? `.${top.className.trim().split(/\s+/).join('.')}` : '';
      return { on: `<${top.tagName.toLowerCase()}${id}${cls}>${text ? `「${text}」` : ''}`, custom: top.tagName.includes('-') && !top.shadowRoot };
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
  if (found.custom && (await hasClosedShadowRoot(target.page(), box.x + box.width / 2, box.y + box.height / 2))) {
    return `${found.on}（閉じたシャドウ DOM を持つ要素: 中身はこのスイートからも支援技術からも見えません）`;
  }
  return found.on;
}

/** Whether the element at the point hosts a closed shadow root (Chromium's DevTools protocol; false elsewhere). */
async function hasClosedShadowRoot(page: Page, x: number, y: number): Promise<boolean> {
  try {
    const cdp = await page.context().newCDPSession(page);
    try {
      const { result } = await cdp.send('Runtime.evaluate', { expression: `document.elementFromPoint(${x}, ${y})` });
      if (!result.objectId) return false;
      const { node } = await cdp.send('DOM.describeNode', { objectId: result.objectId, depth: 1, pierce: true });
      return (node.shadowRoots ?? []).some((root) => root.shadowRootType === 'closed');
    } finally {
      await cdp.detach();
    }
  } catch {
    return false;
  }
}
