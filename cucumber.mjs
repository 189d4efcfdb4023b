/**
 * cucumber-js configuration (the classic runner; see README "cucumber-js").
 * One process runs one device profile: DEVICE_PROFILE=pc-chromium (default), sp-android or sp-iphone.
 * `npm run conformance:cucumber` runs every profile (scripts/conformance-cucumber.ts) and merges the sign-off.
 *
 *   DEVICE_PROFILE=sp-android npx cucumber-js
 *   DEVICE_PROFILE=pc-chromium CUCUMBER_TAGS=@security npx cucumber-js     (CUCUMBER_TAGS is and-ed with the profile's tag)
 *
 * The rest (.env, TARGET_URL, WORKERS, STEP_SCREENSHOTS, timeouts …) is read as in the Playwright run.
 */
import { tsImport } from 'tsx/esm/api';

// The settings through the suite's schema (support/config.ts), .env included; a bad one stops here with its message.
// tsx's tsImport: this file is loaded before the `import` list below registers tsx.
const { settingsOrStop } = await tsImport('./support/startup.ts', import.meta.url);
const { DEVICE_PROFILE: profile, CUCUMBER_TAGS, CUCUMBER_SIGNOFF, CI } = settingsOrStop(['DEVICE_PROFILE', 'CUCUMBER_TAGS', 'CUCUMBER_SIGNOFF', 'CI']);
// The profile's scenarios: pc-* run the パソコン画面 procedure (@pc), sp-* the スマートデバイス画面 one (@sp).
const deviceTag = profile.startsWith('sp-') ? '@sp' : '@pc';
const out = `reports/cucumber-js/${profile}`;
// scripts/conformance-cucumber.ts sets CUCUMBER_SIGNOFF=merged and writes one sign-off for all profiles instead.
const signoffPerProcess = CUCUMBER_SIGNOFF !== 'merged';

export default {
  paths: ['features/**/*.feature'],
  // TypeScript through tsx (registered by the first import), then the World and the step adapter.
  import: ['fixtures/cucumber-js/tsx.mjs', 'fixtures/cucumber-js/world.ts', 'fixtures/cucumber-js/register.ts'],
  tags: [deviceTag, CUCUMBER_TAGS].filter(Boolean).join(' and '),
  format: [
    CI ? 'summary' : 'progress',
    ['message', `${out}/messages.ndjson`],
    ['html', `${out}/report.html`],
    ['json', `${out}/report.json`],
    ['junit', `${out}/junit.xml`],
    ...(signoffPerProcess ? [['./support/reporters/signoff/formatter.ts', `${out}/signoff/index.html`]] : []),
  ],
  formatOptions: {
    // For the sign-off formatter: this process's device profile, and where its PDF goes.
    project: profile,
    pdfFile: `${out}/signoff/signoff.pdf`,
    junit: { suiteName: `manual-conformance (${profile})` },
  },
};
