/**
 * The two runners share one set of step bodies: every step of every feature matches exactly
 * one shared definition; cucumber.mjs picks each profile's scenarios by the tag that
 * support/devices.ts gives it; the merged cucumber-js sign-off stream names each profile;
 * the benchmark's arithmetic.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitLine, median, ratio } from '../scripts/bench.ts';
import { runProfiles } from '../scripts/conformance-cucumber.ts';
import { matchSteps } from '../scripts/bench/floor.ts';
import { loadPickles } from '../support/manual.ts';
import { STEP_DEFINITIONS } from '../steps/index.ts';
import { CHROMIUM_PROFILES } from '../support/devices.ts';
import { mergeMessages } from '../support/reporters/signoff/merge.ts';
import type { Envelope } from '../support/reporters/signoff/messages.ts';

describe('shared step definitions', () => {
  test('every step of every feature matches exactly one definition, and every definition is used', () => {
    const used = new Set<string>();
    for (const pickle of loadPickles()) {
      for (const step of matchSteps(pickle)) used.add(STEP_DEFINITIONS.find((d) => d.body === step.body)?.expression ?? '');
    }
    assert.deepEqual(
      STEP_DEFINITIONS.map((d) => d.expression).filter((e) => !used.has(e)),
      [],
    );
  });

  test('a screen name in 「」 reaches the step body as an argument', () => {
    const pickle = loadPickles().find((p) => p.steps.some((s) => s.text.includes('「求人情報検索」画面を表示している')));
    assert.ok(pickle);
    const step = matchSteps(pickle).find((s) => s.text.includes('「求人情報検索」画面'));
    assert.deepEqual(step?.args, ['求人情報検索']);
  });
});

describe('cucumber.mjs', () => {
  /** The config as cucumber-js loads it, with these settings in the environment. */
  async function cucumberConfig(settings: Record<string, string>, key: string) {
    const before = Object.fromEntries(Object.keys(settings).map((k) => [k, process.env[k]]));
    Object.assign(process.env, settings);
    try {
      return (await import(`../cucumber.mjs?${key}`)).default as { tags: string; format: unknown[]; formatOptions: { junit: { suiteName: string } } };
    } finally {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }

  test("CUCUMBER_TAGS is and-ed with the profile's tag; CUCUMBER_SIGNOFF=merged leaves the sign-off to the merge", async () => {
    const one = await cucumberConfig({ DEVICE_PROFILE: 'sp-android', CUCUMBER_TAGS: '@security', CUCUMBER_SIGNOFF: 'merged' }, 'tags');
    assert.equal(one.tags, '@sp and @security');
    assert.equal(JSON.stringify(one.format).includes('signoff/formatter.ts'), false);
    assert.equal(one.formatOptions.junit.suiteName, 'manual-conformance (sp-android)');
    const each = await cucumberConfig({ DEVICE_PROFILE: 'pc-chromium', CUCUMBER_TAGS: '', CUCUMBER_SIGNOFF: '' }, 'per-process');
    assert.equal(each.tags, '@pc');
    assert.equal(JSON.stringify(each.format).includes('signoff/formatter.ts'), true);
  });

  for (const profile of CHROMIUM_PROFILES) {
    test(`${profile.name} runs the ${profile.tag} scenarios and names itself to the sign-off`, async () => {
      const before = process.env.DEVICE_PROFILE;
      process.env.DEVICE_PROFILE = profile.name;
      try {
        const config = (await import(`../cucumber.mjs?profile=${profile.name}`)).default as {
          tags: string;
          formatOptions: { project: string; pdfFile: string };
          format: unknown[];
        };
        assert.equal(config.tags, profile.tag);
        assert.equal(config.formatOptions.project, profile.name);
        assert.match(config.formatOptions.pdfFile, new RegExp(`reports/cucumber-js/${profile.name}/`));
      } finally {
        if (before === undefined) delete process.env.DEVICE_PROFILE;
        else process.env.DEVICE_PROFILE = before;
      }
    });
  }
});

describe('merged cucumber-js messages', () => {
  const stream = (success: boolean, seconds: number): Envelope[] =>
    [
      { meta: { implementation: { name: 'cucumber-js', version: '12.9.0' } } },
      { source: { uri: 'features/a.feature', data: '', mediaType: 'text/x.cucumber.gherkin+plain' } },
      { gherkinDocument: { uri: 'features/a.feature', comments: [] } },
      { pickle: { id: `p${seconds}`, uri: 'features/a.feature', name: 'x', steps: [], tags: [], astNodeIds: [], language: 'ja' } },
      { testRunStarted: { timestamp: { seconds, nanos: 0 } } },
      { testRunFinished: { success, timestamp: { seconds: seconds + 10, nanos: 0 } } },
    ] as unknown as Envelope[];

  test('names each profile in the uris, keeps one start and one finish, and succeeds only if every profile did', () => {
    const merged = mergeMessages([
      { project: 'pc-chromium', envelopes: stream(true, 100) },
      { project: 'sp-android', envelopes: stream(false, 200) },
    ]) as unknown as Record<string, Record<string, unknown>>[];
    assert.deepEqual(
      merged.filter((e) => e.pickle).map((e) => e.pickle?.uri),
      ['[pc-chromium]:features/a.feature', '[sp-android]:features/a.feature'],
    );
    assert.deepEqual(
      merged.filter((e) => e.gherkinDocument).map((e) => e.gherkinDocument?.uri),
      ['[pc-chromium]:features/a.feature', '[sp-android]:features/a.feature'],
    );
    assert.equal(merged.filter((e) => e.meta).length, 1);
    assert.deepEqual(
      merged.filter((e) => e.testRunStarted).map((e) => e.testRunStarted),
      [{ timestamp: { seconds: 100, nanos: 0 } }],
    );
    assert.deepEqual(
      merged.filter((e) => e.testRunFinished).map((e) => e.testRunFinished),
      [{ success: false, timestamp: { seconds: 210, nanos: 0 } }],
    );
    assert.equal(mergeMessages([{ project: 'pc-chromium', envelopes: stream(true, 1) }]).at(-1)?.testRunFinished?.success, true);
  });
});

describe('cucumber-js profile processes', () => {
  test('run WORKERS at a time, each once, and report each exit code', async () => {
    let running = 0;
    let most = 0;
    const started: string[] = [];
    const codes = await runProfiles(['pc-chromium', 'sp-android', 'sp-iphone'], 2, async (name) => {
      started.push(name);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return name === 'sp-android' ? 1 : 0;
    });
    assert.equal(most, 2);
    assert.deepEqual(started.sort(), ['pc-chromium', 'sp-android', 'sp-iphone']);
    assert.deepEqual(codes, { 'pc-chromium': 0, 'sp-android': 1, 'sp-iphone': 0 });
  });
});

describe('bench arithmetic', () => {
  test('median of odd and even counts', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.ok(Number.isNaN(median([])));
  });
  test('ratio prints two decimals', () => {
    assert.equal(ratio(72.9, 45), '1.62');
  });
  test('fitLine recovers the marginal and the fixed cost', () => {
    const { slope, intercept } = fitLine([
      [11, 5 + 11 * 1.5],
      [22, 5 + 22 * 1.5],
      [44, 5 + 44 * 1.5],
    ]);
    assert.ok(Math.abs(slope - 1.5) < 1e-9);
    assert.ok(Math.abs(intercept - 5) < 1e-9);
  });
});
