/**
 * Markup of the site's own deviations that change what a browser sees, shared by both markups: a header in a
 * shadow root, the smart-device menu as a disclosure, a screen not found, a copy of the top page. Rendered only
 * when a deviation asks for it.
 */
import type { Child } from 'hono/jsx';

/** The custom element of a PC header in a shadow root (MyPageLayout.header.pcHeaderInShadowRoot). */
export const SHADOW_HEADER_TAG = 'hw-header';

/**
 * The PC header as a custom element whose open shadow root, declared in the HTML
 * (`<template shadowrootmode="open">`, no script), holds the header's contents. Document styles do not reach into a
 * shadow root, so the markup's whole stylesheet is repeated inside it; the host is a block, hidden below the PC
 * breakpoint (the smart-device header stays in the page).
 */
export const ShadowHeader = (props: { css: string; pcMinWidth: number; children: Child }) => (
  <hw-header>
    <template shadowrootmode="open">
      <style
        dangerouslySetInnerHTML={{
          __html: `${props.css}\n:host { display:block; }\n@media screen and (max-width:${props.pcMinWidth - 1}px) { :host { display:none; } }\n`,
        }}
      />
      {props.children}
    </template>
  </hw-header>
);

/** The 404 page of a screen not found (SiteChanges.screensNotFound): its document title starts with this, and its h1 / div.page_title says it. */
export const NOT_FOUND_TITLE = 'ページが見つかりません';
export const NOT_FOUND_MESSAGE = 'お探しのページは見つかりませんでした。移動または削除された可能性があります。';

/**
 * Where the copy of the top page on the My Page origin is served (SiteChanges.topCopyOnMyPageHost): the hellowork markup's
 * kyushoku host at `/` (where the real top page is on www.), the bundled markup's one origin at `/top`.
 */
export const TOP_COPY_PATH = { bundled: '/top', hellowork: '/' } as const;

/** The text of the smart-device menu's <summary> when it is a disclosure (MyPageLayout.header.menu = 'details'). */
export const MENU_SUMMARY_TEXT = 'メニュー';
