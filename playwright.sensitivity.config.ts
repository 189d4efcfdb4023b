/**
 * The sensitivity run: the whole suite against one reference app per deviation
 * (reference-app/src/deviations.ts), all in one Playwright run. Project names are
 * `<deviation>/<project>`. Used by scripts/sensitivity.ts; not for everyday runs.
 *
 *   SENSITIVITY_DEVIATIONS   comma-separated ids (default: all)
 *   SENSITIVITY_PROJECTS     base projects to run (default: pc-chromium,sp-android,sp-iphone)
 *   SENSITIVITY_JSON         where the JSON report goes (default: test-results/sensitivity.json)
 */
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import type { Options, WorkerOptions } from './fixtures/test.ts';
import { DEVIATION_IDS, type DeviationId } from './reference-app/src/deviations.ts';
import { freePortsSync } from './support/ports.ts';
import base from './playwright.config.ts';

const deviations = (process.env.SENSITIVITY_DEVIATIONS?.split(',').filter(Boolean) ?? DEVIATION_IDS) as DeviationId[];
const baseProjects = process.env.SENSITIVITY_PROJECTS?.split(',').filter(Boolean) ?? ['pc-chromium', 'sp-android', 'sp-iphone'];

// Ports are chosen once, in the main process, and handed to the workers through the environment.
if (!process.env.SENSITIVITY_PORTS) {
  const ports = freePortsSync(deviations.length * 2);
  process.env.SENSITIVITY_PORTS = JSON.stringify(Object.fromEntries(deviations.map((id, i) => [id, [ports[2 * i], ports[2 * i + 1]]])));
}
const ports = JSON.parse(process.env.SENSITIVITY_PORTS) as Record<string, [number, number]>;

const projects = deviations.flatMap((id) => {
  const [hw, mp] = ports[id] ?? [0, 0];
  return (base.projects ?? [])
    .filter((p) => p.name && baseProjects.includes(p.name))
    .map((p) => ({
      ...p,
      name: `${id}/${p.name}`,
      use: {
        ...p.use,
        baseURL: `http://hellowork.localhost:${hw}`,
        suiteEnv: { HELLOWORK_PORT: String(hw), MYNAPORTAL_PORT: String(mp) },
      },
    }));
});

export default defineConfig<Options, WorkerOptions>({
  ...(base as PlaywrightTestConfig<Options, WorkerOptions>),
  // Two workers: the deviations are independent, and the reference apps answer in milliseconds.
  workers: Number(process.env.SENSITIVITY_WORKERS ?? 2),
  fullyParallel: true,
  retries: 0,
  // The reference apps answer in milliseconds; a red scenario should not wait long to be red.
  expect: { timeout: Number(process.env.SENSITIVITY_EXPECT_TIMEOUT ?? 1000) },
  reporter: [['json', { outputFile: process.env.SENSITIVITY_JSON ?? 'test-results/sensitivity.json' }], ['dot']],
  outputDir: 'test-results/sensitivity',
  use: { ...base.use, trace: 'off', screenshot: 'off', video: 'off' },
  projects,
  webServer: deviations.map((id) => {
    const [hw, mp] = ports[id] ?? [0, 0];
    return {
      command: 'node --import tsx reference-app/src/main.ts',
      url: `http://127.0.0.1:${hw}/healthz`,
      env: { HELLOWORK_PORT: String(hw), MYNAPORTAL_PORT: String(mp), DEVIATIONS: id },
      reuseExistingServer: false,
      stdout: 'ignore' as const,
      stderr: 'ignore' as const,
      timeout: 30_000,
    };
  }),
});
