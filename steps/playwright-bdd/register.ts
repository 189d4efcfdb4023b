/**
 * playwright-bdd adapter: registers the shared step definitions (steps/*.steps.ts).
 * playwright-bdd reads a step's fixtures from its function's source, so each
 * registration destructures the one fixture it needs, `ctx`, by name.
 */
import { defineParameterType } from 'playwright-bdd';
import { Before, Given, Then, When } from '../../fixtures/test.ts';
import type { StepContext } from '../context.ts';
import type { StepBody } from '../define.ts';
import { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from '../index.ts';

const register = { Given, When, Then };

for (const type of PARAMETER_TYPES) defineParameterType(type);

// The runner checks each function's arity against the expression's parameters: keep the body's.
function adapt(body: StepBody) {
  switch (body.length) {
    case 1:
      return async ({ ctx }: { ctx: StepContext }) => body(ctx);
    case 2:
      return async ({ ctx }: { ctx: StepContext }, a: unknown) => body(ctx, a);
    case 3:
      return async ({ ctx }: { ctx: StepContext }, a: unknown, b: unknown) => body(ctx, a, b);
    default:
      throw new Error(`a step body takes 1 to 3 arguments (the context and up to two parameters), not ${body.length}`);
  }
}

for (const { keyword, expression, body } of STEP_DEFINITIONS) register[keyword](expression, adapt(body));

for (const rule of SKIP_RULES) {
  Before({ tags: rule.tags }, async ({ suite, $testInfo }) => {
    const reason = rule.reason({ suite });
    if (!reason) return;
    console.warn(`[skip] ${$testInfo.title}: ${reason}`);
    $testInfo.skip(true, reason);
  });
}
