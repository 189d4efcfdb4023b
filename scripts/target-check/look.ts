/**
 * Read-only looks at a page for `npm run target:check`: what a profile entry's locator matches, which controls or
 * texts a person would pick instead, and which alternative would make the suite's locator take that very element.
 * Nothing is clicked or typed here. Functions run in the page have no named helpers inside (tsx's keepNames would
 * wrap them in a __name() call the page does not have: see pages/observe.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { cssPath, type ElementParts, visibleControls } from '../../pages/observe.ts';
import { folded, foldedPattern } from '../../support/target-profile.ts';
import type { Alternative, Candidate, ElementSeen } from './findings.ts';
import { alternativesFor, cssOf } from './suggest.ts';

/** How many matches of one entry are described (a broad entry such as top.section matches many). */
const MAX_MATCHES = 6;
/** A read of an element that is there: short (the element exists; this is not a wait for it). */
const READ_MS = 2_000;

/** An element seen, with its heading level and the locator that reaches it again. */
export interface Seen extends ElementSeen {
  readonly level?: number;
}

export interface Picked {
  readonly seen: Seen;
  /** The element itself (undefined when it could not be found again by its path). */
  readonly element?: Locator;
}

/** Role and name as Playwright's ARIA snapshot gives them (`- button "ログアウト"`); `text` and the like are no role. */
function fromSnapshot(snapshot: string): { role?: string; name?: string } {
  const m = /^- ([a-z]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(snapshot);
  if (!m?.[1] || m[1] === 'text' || m[1] === 'generic') return {};
  return { role: m[1], ...(m[2] !== undefined ? { name: m[2].replace(/\\(.)/g, '$1') } : {}) };
}

/** One element: tag, CSS path, position and visibility, and the role and name Playwright gives it. */
export async function see(element: Locator): Promise<Seen> {
  const raw = await element.evaluate(
    (el) => {
      const tag = el.tagName.toLowerCase();
      const parent = el.parentElement;
      const parts = { tag, id: el.id, cls: typeof el.className === 'string' ? el.className : '' };
      const parentParts = parent
        ? { tag: parent.tagName.toLowerCase(), id: parent.id, cls: typeof parent.className === 'string' ? parent.className : '' }
        : undefined;
      let hosts = '';
      for (let root = el.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
        hosts = `${root.host.tagName.toLowerCase()}${root.host.id ? `#${root.host.id}` : ''} >>> ${hosts}`;
      }
      const r = el.getBoundingClientRect();
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen
      const text = ((el as HTMLElement).innerText ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
      const input = el instanceof HTMLInputElement ? el : undefined;
      const headingLevel = /^H[1-6]$/.test(el.tagName) ? Number(el.tagName.slice(1)) : Number(el.getAttribute('aria-level')) || undefined;
      const implicit: Record<string, string> = {
        button: 'button',
        nav: 'navigation',
        img: 'img',
        dialog: 'dialog',
        h1: 'heading',
        h2: 'heading',
        h3: 'heading',
        h4: 'heading',
        h5: 'heading',
        h6: 'heading',
      };
      if (el.hasAttribute('href') && (tag === 'a' || tag === 'area')) implicit[tag] = 'link';
      let role = el.getAttribute('role') ?? implicit[tag];
      if (input)
        role = ['submit', 'button', 'image', 'reset'].includes(input.type)
          ? 'button'
          : input.type === 'checkbox' || input.type === 'radio'
            ? input.type
            : 'textbox';
      return {
        tag,
        hosts,
        parts,
        parentParts,
        top: r.width > 0 || r.height > 0 ? Math.round(r.top + window.scrollY) : undefined,
        text:
          text ||
          (input ? input.value || input.alt || input.title : '') ||
          el.querySelector('img[alt]')?.getAttribute('alt') ||
          el.getAttribute('aria-label') ||
          '',
        role: role ?? tag,
        ownRole: role !== undefined,
        level: role === 'heading' ? headingLevel : undefined,
      };
    },
    undefined,
    { timeout: READ_MS },
  );
  const visible = await element.isVisible();
  // The snapshot of an element without a role of its own (a <div>) describes its children instead: its role and name
  // are the element's only when the role is the one the element has (a <nav> is navigation, an <input> a textbox …).
  const snapshot = visible && raw.ownRole ? fromSnapshot(await element.ariaSnapshot({ timeout: READ_MS }).catch(() => '')) : {};
  const aria = snapshot.role === raw.role ? snapshot : {};
  return {
    role: raw.role,
    tag: raw.tag,
    name: (aria.name ?? raw.text).replace(/\s+/g, ' ').trim(),
    path: `${raw.hosts}${cssPath(raw.parts, raw.parentParts)}`,
    ...(raw.top !== undefined ? { top: raw.top } : {}),
    visible,
    ...(raw.level !== undefined ? { level: raw.level } : {}),
  };
}

/** Every element a locator matches, visible ones first (in document order: the suite takes the first visible). */
export async function seeAll(all: Locator): Promise<Seen[]> {
  const n = Math.min(await all.count(), 20);
  const seen: Seen[] = [];
  for (let i = 0; i < n; i++) {
    const one = await see(all.nth(i)).catch(() => undefined);
    if (one) seen.push(one);
  }
  return [...seen.filter((s) => s.visible), ...seen.filter((s) => !s.visible)].slice(0, MAX_MATCHES);
}

/** Whether two locators reach the same element (each resolved now, no waiting beyond a short read). */
export async function sameElement(a: Locator, b: Locator): Promise<boolean> {
  if ((await a.count().catch(() => 0)) === 0 || (await b.count().catch(() => 0)) === 0) return false;
  const handle = await b.elementHandle({ timeout: READ_MS }).catch(() => null);
  if (!handle) return false;
  try {
    return await a.evaluate((x, y) => x === y, handle, { timeout: READ_MS });
  } catch {
    return false;
  } finally {
    await handle.dispose();
  }
}

/** The element of a path and a top edge (from visibleControls or a text scan), found again: the visible one at that top. */
async function byPath(root: Page | Locator, path: string, top: number | undefined): Promise<Locator | undefined> {
  const all = root.locator(cssOf(path)).filter({ visible: true });
  const n = Math.min(await all.count().catch(() => 0), 20);
  for (let i = 0; i < n; i++) {
    const el = all.nth(i);
    const at = await el.evaluate((e) => Math.round(e.getBoundingClientRect().top + window.scrollY), undefined, { timeout: READ_MS }).catch(() => undefined);
    if (top === undefined || at === top) return el;
  }
  return undefined;
}

/** How a control's name is compared with the manual's word: whole (ログアウト) or containing it (メニュー). */
export type NameRule = { readonly word: string; readonly whole: boolean };

export const nameMatches = (rule: NameRule, name: string): boolean =>
  rule.whole ? foldedPattern(rule.word).test(name) : folded(name).includes(folded(rule.word));

/** Visible controls (the composed tree: open shadow roots, <summary> included) whose name is the word, each found again. */
export async function controlsNamed(root: Page | Locator, rule: NameRule): Promise<Picked[]> {
  const controls = (await visibleControls(root)).filter((c) => nameMatches(rule, c.name));
  const picked: Picked[] = [];
  for (const c of controls) {
    const element = await byPath(root, c.path, c.top);
    const seen = element ? await see(element).catch(() => undefined) : undefined;
    picked.push({
      seen: seen ?? {
        role: c.role,
        tag:
          cssOf(c.path)
            .split(/[\s>.#]/)
            .filter(Boolean)
            .at(-1) ?? '',
        name: c.name,
        path: c.path,
        top: c.top,
        visible: true,
      },
      ...(element ? { element } : {}),
    });
  }
  return picked;
}

/** Visible form fields of a kind (login.id, login.password candidates), each seen. */
export async function fieldsOf(page: Page, css: string): Promise<Picked[]> {
  const all = page.locator(css).filter({ visible: true });
  const n = Math.min(await all.count(), 10);
  const picked: Picked[] = [];
  for (let i = 0; i < n; i++) picked.push({ seen: await see(all.nth(i)), element: all.nth(i) });
  return picked;
}

/**
 * Visible elements that are not controls and whose own text contains one of the words (NFKC), innermost only: where a
 * screen's title or a top-page block title is written when the profile's locator does not find it.
 */
export async function textsContaining(page: Page, words: readonly string[]): Promise<Picked[]> {
  const wanted = words.map(folded).filter(Boolean);
  const found = await page.evaluate((targets) => {
    const out: { parts: ElementParts; parentParts: ElementParts | undefined; top: number }[] = [];
    const CONTROLS =
      'a, button, summary, input, select, textarea, label, option, [role="button"], [role="link"], [role="menuitem"], title, script, style, noscript';
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i]?.querySelectorAll('*') ?? []) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) {
      for (const el of root.querySelectorAll('body *')) {
        if (el.closest(CONTROLS)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a person reads on the screen
        const text = ((el as HTMLElement).innerText ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
        if (!text || text.length > 80 || !targets.some((w) => text.includes(w))) continue;
        // Innermost: no child element holds the word too.
        const inner = [...el.children].some((child) => {
          // biome-ignore lint/performance/useDomNodeTextContent: as above
          const t = ((child as HTMLElement).innerText ?? '').normalize('NFKC');
          return targets.some((w) => t.includes(w));
        });
        if (inner) continue;
        const parent = el.parentElement;
        const parts = { tag: el.tagName.toLowerCase(), id: el.id, cls: typeof el.className === 'string' ? el.className : '' };
        const parentParts = parent
          ? { tag: parent.tagName.toLowerCase(), id: parent.id, cls: typeof parent.className === 'string' ? parent.className : '' }
          : undefined;
        out.push({ parts, parentParts, top: Math.round(r.top + window.scrollY) });
      }
    }
    return out.slice(0, 12);
  }, wanted);
  const picked: Picked[] = [];
  for (const f of found) {
    const element = await byPath(page, cssPath(f.parts, f.parentParts), f.top);
    const seen = element ? await see(element).catch(() => undefined) : undefined;
    if (seen && element) picked.push({ seen, element });
  }
  return picked;
}

/**
 * Texts on the page shaped like the profile's userName (「{name}様」: anything, then 様) when the account's name is not
 * known (a target's LOGIN_ID says nothing of it): the distinct texts, how often each is shown.
 */
export async function textsShaped(page: Page, template: string): Promise<{ text: string; count: number }[]> {
  const [before = '', after = ''] = template.split('{name}');
  const texts = await page.evaluate(
    ({ before, after }) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
        const parent = node.parentElement;
        if (!text || !parent || text.length > 40 || text.length <= before.length + after.length) continue;
        if (!text.startsWith(before) || !text.endsWith(after)) continue;
        const r = parent.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
        out.push(text);
      }
      return out;
    },
    { before: before.normalize('NFKC'), after: after.normalize('NFKC') },
  );
  const byText = new Map<string, number>();
  for (const t of texts) byText.set(t, (byText.get(t) ?? 0) + 1);
  return [...byText].map(([text, count]) => ({ text, count }));
}

/**
 * The candidate, with the first of its alternatives (alternativesFor) that makes the suite's locator — the entry's
 * spec with that alternative prepended, as `takes` builds it — take this very element; none when no alternative does.
 */
export async function withAlternative(
  picked: Picked,
  takes: (alternative: Alternative) => Locator,
  options: { word?: string; named?: boolean } = {},
): Promise<Candidate> {
  const { level: _level, ...seen } = picked.seen;
  if (!picked.element) return seen;
  for (const alternative of alternativesFor(picked.seen, options)) {
    if (await sameElement(takes(alternative), picked.element)) return { ...seen, alternative };
  }
  return seen;
}
