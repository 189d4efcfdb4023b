// Allure 3 report for manual writers and QA: `npm run report` builds it offline into reports/allure-report/
// from reports/allure-results/ (written by allure-playwright during `npm run conformance`).
import { defineConfig } from 'allure';
import { tsImport } from 'tsx/esm/api';

// REPORT_LOCALE through the suite's schema (support/config.ts), .env included; a bad value stops here with its message.
// (Allure would load an allurerc.ts through jiti, another TypeScript loader than the suite's tsx: tsx's tsImport here.)
const { settingsOrStop } = await tsImport('./support/startup.ts', import.meta.url);
const { REPORT_LOCALE } = settingsOrStop(['REPORT_LOCALE']);

export default defineConfig({
  name: 'ハローワーク 求職者マイページ 操作マニュアル: 適合確認',
  output: './reports/allure-report',
  plugins: {
    awesome: {
      options: {
        reportName: 'ハローワーク 求職者マイページ 操作マニュアル: 適合確認',
        reportLanguage: REPORT_LOCALE,
        singleFile: true,
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
