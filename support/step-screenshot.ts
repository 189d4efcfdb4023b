/**
 * The picture of the page after a step, for both runners. Bounded: a step that failed on a page
 * still loading (a logout that never answers) must not add a second timeout to the report.
 */
import type { Page } from '@playwright/test';

/** At most this long for the page to finish loading, and again for the screenshot. */
const BOUND_MS = 2_000;

export async function stepScreenshot(page: Page): Promise<Buffer | undefined> {
  if (page.isClosed()) return undefined;
  // A step may end on a tap or click that has just started a navigation: picture the page it lands on, if it lands soon.
  await page.waitForLoadState('load', { timeout: BOUND_MS }).catch(() => {});
  // JPEG at CSS pixels: a phone's 2.6–3× device pixels cost several times the time and bytes, and add nothing a reader needs.
  return page.screenshot({ animations: 'disabled', scale: 'css', type: 'jpeg', quality: 80, timeout: BOUND_MS }).catch(() => undefined);
}
