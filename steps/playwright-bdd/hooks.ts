/**
 * Evidence and filing:
 * - a screenshot of the page after every step, attached to that step;
 * - Allure labels (epic / feature / story from the manual transcript, support/filing.ts) and a link per
 *   manual id, set once per scenario from the first step (inside the test body: labels set in
 *   beforeEach-like hooks are lost, allure-js issue 1290).
 */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as allure from 'allure-js-commons';
import { AfterStep, BeforeStep, type Options } from '../../fixtures/test.ts';
import { loadConfig } from '../../support/config.ts';
import { filingOf } from '../../support/filing.ts';
import { loadManualIndex } from '../../support/manual.ts';
import { stepScreenshot } from '../../support/step-screenshot.ts';

// Read once per worker (a worker fixture is not reliably set up yet in a step hook of the worker's first test).
const config = loadConfig();
const manualIndex = loadManualIndex();
const filed = new WeakSet<object>();

// Only $testInfo here: step hooks do not reliably receive the scenario's other fixtures (seen: undefined).
BeforeStep(async ({ $testInfo }) => {
  const $tags = $testInfo.tags;
  const deviceClass = ($testInfo.project.use as Partial<Options>).deviceClass ?? 'pc';
  if (filed.has($testInfo)) return;
  filed.add($testInfo);
  // The feature's name: the describe block playwright-bdd generates for it (titlePath: file, feature, …, scenario).
  const filing = filingOf(manualIndex, $tags, $testInfo.titlePath[1] ?? $testInfo.title);
  await allure.epic(filing.epic);
  await allure.feature(filing.feature);
  if (filing.story) await allure.story(filing.story);
  await allure.parameter('端末', $testInfo.project.name);
  // One link per manual step the scenario covers (its own section, plus the device procedure for 注意 scenarios).
  const sections = manualIndex.sectionsFor($tags, deviceClass);
  const seen = new Set<string>();
  for (const section of sections) {
    for (const sentence of section.sentences) {
      if (seen.has(sentence.id)) continue;
      seen.add(sentence.id);
      const url = config.manualBaseURL
        ? `${config.manualBaseURL.replace(/\/?$/, '/')}${relative(resolve('manual'), resolve(sentence.file)).replaceAll('\\', '/')}#L${sentence.line}`
        : `${pathToFileURL(resolve(sentence.file)).href}#L${sentence.line}`;
      await allure.link(url, `マニュアル ${sentence.id}`, 'manual');
    }
  }
});

AfterStep(async ({ page, $step, $testInfo }) => {
  if (page.isClosed() || !config.stepScreenshots) return;
  const body = await stepScreenshot(page);
  if (body) await $testInfo.attach(`画面: ${$step.title}`, { body, contentType: 'image/jpeg' });
});
