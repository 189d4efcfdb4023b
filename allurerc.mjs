// Allure 3 report for manual writers and QA: `npm run report` builds it offline into reports/allure-report/
// from reports/allure-results/ (written by allure-playwright during `npm run conformance`).
import { defineConfig } from 'allure';

export default defineConfig({
  name: 'ハローワーク 求職者マイページ 操作マニュアル: 適合確認',
  output: './reports/allure-report',
  plugins: {
    awesome: {
      options: {
        reportName: 'ハローワーク 求職者マイページ 操作マニュアル: 適合確認',
        reportLanguage: process.env.REPORT_LOCALE === 'en' ? 'en' : 'ja',
        singleFile: true,
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
});
