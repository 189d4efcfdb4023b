/** Evidence: a screenshot of the page after every step, attached to that step. */
import { AfterStep } from '../fixtures/test.ts';
import { loadConfig } from '../support/config.ts';

// Read once per worker (a worker fixture is not reliably set up yet in a step hook of the worker's first test).
const stepScreenshots = loadConfig().stepScreenshots;

AfterStep(async ({ page, $step, $testInfo }) => {
  if (page.isClosed() || !stepScreenshots) return;
  // A step may end on a tap or click that has just started a navigation: picture the page it lands on.
  await page.waitForLoadState();
  const body = await page.screenshot({ animations: 'disabled' });
  await $testInfo.attach(`画面: ${$step.title}`, { body, contentType: 'image/png' });
});
