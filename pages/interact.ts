import type { Locator, Page } from '@playwright/test';

/** A real tap on touch devices (touch events), a mouse click elsewhere. */
export async function press(target: Locator, touch: boolean): Promise<void> {
  if (touch) await target.tap();
  else await target.click();
}

/**
 * Runs an action that leads to another document and waits until the main frame
 * has moved to it and loaded it (taps do not wait for navigations themselves).
 */
export async function navigatingBy(page: Page, action: () => Promise<void>): Promise<void> {
  const main = page.mainFrame();
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === main });
  await action();
  await navigated;
  await page.waitForLoadState();
}
