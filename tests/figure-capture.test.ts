/**
 * A published figure as the manual needs it (support/figures/capture.ts), on markup written here: the red frame is
 * drawn above an open popover menu (the top layer) and shows on all four sides of its target; the masked values are
 * the manual's samples, never the account's own, and nothing is painted over them; the page is put back afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from '@playwright/test';
import { launchSuiteChromium } from '../support/browser.ts';
import { loadConfig } from '../support/config.ts';
import type { FigurePlan } from '../support/figures/book.ts';
import { type Evidence, ManualFigures } from '../support/figures/capture.ts';
import { readPng } from '../support/figures/compare.ts';
import { loadProfile } from '../support/target-profile.ts';

let browser: Browser;
let page: Page;
let dir: string;
const cwd = process.cwd();

before(async () => {
  browser = await launchSuiteChromium(loadConfig({ HELLOWORK_PORT: '1', MYNAPORTAL_PORT: '2' }));
  page = await browser.newPage({ viewport: { width: 400, height: 300 } });
  // Figures and drift records go under the working directory: a scratch one.
  dir = mkdtempSync(join(tmpdir(), 'figure-capture-'));
  process.chdir(dir);
});
after(async () => {
  process.chdir(cwd);
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const evidence: Evidence = {
  scenarioTitle: '見本のシナリオ',
  project: 'pc-chromium',
  attach: async () => {},
  fact: async () => {},
  note: () => {},
  writerNote: async () => {},
};

const RED = { r: 0xe6, g: 0x00, b: 0x12 };
const isRed = (png: ReturnType<typeof readPng>, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  const [r = 0, g = 0, b = 0] = [png.data[i], png.data[i + 1], png.data[i + 2]];
  return Math.abs(r - RED.r) < 40 && g < 60 && b < 60;
};

test('the red frame is above an open popover menu and shows on all four sides of its target', async () => {
  await page.setContent(`<!doctype html><html lang="ja"><body style="margin:0">
    <button popovertarget="menu" style="margin:8px">メニュー</button>
    <nav id="menu" popover="auto" style="margin:0;top:40px;left:20px;right:auto;bottom:auto;width:300px;padding:24px;border:0;background:#fff;box-shadow:0 0 0 2000px rgba(0,0,0,.2)">
      <button id="logout" style="display:block;width:200px;height:40px">ログアウト</button>
    </nav></body></html>`);
  await page.getByRole('button', { name: 'メニュー' }).click();
  const target = page.locator('#logout');
  const box = await target.boundingBox();
  assert.ok(box);
  await new ManualFigures(page, evidence, true).save('0.0(1)①', '見本', [target]);
  const png = readPng(readFileSync(join(dir, 'reports/figures/0.0(1)①/見本のシナリオ-pc-chromium.png')));
  // The frame lies 1–4 px outside the target's box (3 px wide): midpoints of its four sides.
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const sides = {
    top: isRed(png, mid.x, box.y - 2.5),
    bottom: isRed(png, mid.x, box.y + box.height + 2.5),
    left: isRed(png, box.x - 2.5, mid.y),
    right: isRed(png, box.x + box.width + 2.5, mid.y),
  };
  assert.deepEqual(sides, { top: true, bottom: true, left: true, right: true });
  // The menu is still open and the frame is gone.
  assert.equal(await page.locator('#menu').evaluate((m) => m.matches(':popover-open')), true);
  assert.equal(await page.locator('[popover="manual"]').count(), 0);
});

for (const { who, accountName } of [
  { who: 'the bundled app (the account named in the settings)', accountName: '試験 一時' as string | undefined },
  { who: "a configured target (the account's name unknown: any text of the profile's userName shape)", accountName: undefined },
])
  test(`${who}: a published figure shows the manual's sample values where the page shows the account's own, and paints nothing`, async () => {
    const page2 = await browser.newPage({ viewport: { width: 400, height: 200 } });
    try {
      const html = (name: string, count: string) => `<!doctype html><html lang="ja"><body style="margin:0;font:16px sans-serif">
      <header style="height:40px;background:#036;color:#fff;padding:8px"><span class="user">${name}様</span> <button>ログアウト</button></header>
      <p>新着メッセージ <a href="#">${count}</a></p></body></html>`;
      const plan: FigurePlan = {
        manualId: '0.0(1)①',
        sectionDir: join(dir, 'manual', '0.0-sample'),
        scenario: '見本のシナリオ',
        crop: 'viewport',
        masks: [
          { of: 'userName', sample: '明日 勇気' },
          { of: [{ role: 'link', name: { pattern: '^\\d+件$' } }], sample: '2件' },
        ],
        tolerance: 0,
        threshold: 0.1,
      };
      const book = { plans: new Map([[plan.manualId, plan]]), profile: loadProfile('reference'), ...(accountName ? { accountName } : {}), failOnDrift: false };
      await page2.setContent(html('試験 一時', '7件'));
      await new ManualFigures(page2, evidence, true, book).save(plan.manualId, '見本', [page2.getByRole('button', { name: 'ログアウト' })]);
      const figure = readFileSync(join(dir, 'reports/figures/0.0(1)①/見本のシナリオ-pc-chromium.png'));
      // The page is as it was.
      assert.equal(await page2.locator('.user').textContent(), '試験 一時様');
      assert.equal(await page2.getByRole('link').textContent(), '7件');
      // The figure is the page as the manual shows it: the same page with the samples in it, framed the same way.
      await page2.setContent(html('明日 勇気', '2件'));
      await new ManualFigures(page2, { ...evidence, scenarioTitle: 'サンプルのページ' }, true).save(plan.manualId, '見本', [
        page2.getByRole('button', { name: 'ログアウト' }),
      ]);
      const expected = readFileSync(join(dir, 'reports/figures/0.0(1)①/サンプルのページ-pc-chromium.png'));
      assert.ok(figure.equals(expected), "the figure differs from the page with the manual's samples");
      // Nothing painted: no magenta pixel (the mask colour the figures used to carry).
      const png = readPng(figure);
      let magenta = 0;
      for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 255 && png.data[i + 1] === 0 && png.data[i + 2] === 255) magenta++;
      assert.equal(magenta, 0);
    } finally {
      await page2.close();
    }
  });
