/**
 * Prints the report to PDF with the Chromium the suite runs (support/browser.ts resolveChromium: Playwright's
 * build, CHROMIUM_PATH, a system Chromium or the npm package's), with its Japanese font (a system one or the npm
 * package's, through the fontconfig file in its launch environment).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { type ResolvedChromium, resolveChromium } from '../../browser.ts';
import type { RunFacts } from './facts.ts';

const FOOTER = `<div style="font-size:8px;width:100%;text-align:center;color:#57606a;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;

export interface Printer {
  readonly chromium: NonNullable<RunFacts['chromium']>;
  print(html: string, pdfPath: string): Promise<void>;
  close(): Promise<void>;
}

export async function openPrinter(options: { timeoutMs?: number; resolve?: () => ResolvedChromium } = {}): Promise<Printer> {
  const timeout = options.timeoutMs ?? 60_000;
  const resolved = (options.resolve ?? resolveChromium)();
  const browser: Browser = await chromium.launch({ ...resolved.launchOptions, headless: true, timeout });
  return {
    chromium: {
      version: browser.version(),
      source: resolved.source,
      path: resolved.executablePath,
      ...(resolved.package ? { package: resolved.package } : {}),
      font: { family: resolved.font.family, source: resolved.font.source, from: resolved.font.from },
    },
    async print(html, pdfPath) {
      mkdirSync(dirname(pdfPath), { recursive: true });
      const page = await browser.newPage();
      try {
        page.setDefaultTimeout(timeout);
        // Everything is inline (data: images, inline CSS): nothing to fetch.
        await page.setContent(html, { waitUntil: 'load' });
        await page.pdf({
          path: pdfPath,
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: FOOTER,
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}
