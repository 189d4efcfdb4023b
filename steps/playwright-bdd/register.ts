/**
 * playwright-bdd adapter: registers the shared step definitions (steps/*.steps.ts).
 * playwright-bdd reads a step's fixtures from its function's source, so each
 * registration destructures the one fixture it needs, `ctx`, by name.
 */
import type { TestInfo } from '@playwright/test';
import { defineParameterType } from 'playwright-bdd';
import { Before, Given, Then, When } from '../../fixtures/test.ts';
import type { StepContext } from '../context.ts';
import { SkipScenario, withArity } from '../define.ts';
import { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from '../index.ts';

const register = { Given, When, Then };

for (const type of PARAMETER_TYPES) defineParameterType(type);

// The fixtures object, then the expression's parameters: the body's own arity.
for (const { keyword, expression, body } of STEP_DEFINITIONS) {
  register[keyword](
    expression,
    withArity(async ({ ctx, $testInfo }: { ctx: StepContext; $testInfo: TestInfo }, ...args: unknown[]) => {
      try {
        await body(ctx, ...args);
      } catch (error) {
        if (!(error instanceof SkipScenario)) throw error;
        console.warn(`[skip] ${$testInfo.title}: ${error.message}`);
        $testInfo.skip(true, error.message);
      }
    }, body.length),
  );
}

for (const rule of SKIP_RULES) {
  Before({ tags: rule.tags }, async ({ suite, $testInfo }) => {
    const reason = rule.reason({ suite });
    if (!reason) return;
    console.warn(`[skip] ${$testInfo.title}: ${reason}`);
    $testInfo.skip(true, reason);
  });
}
