/**
 * cucumber-js adapter: registers the shared step definitions (steps/*.steps.ts)
 * with the World's StepContext as their first argument.
 */
import { Before, defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import type { StepBody } from '../define.ts';
import { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from '../index.ts';
import { type ConformanceWorld, suite } from './world.ts';

const register = { Given, When, Then };

for (const { name, regexp, transformer } of PARAMETER_TYPES) defineParameterType({ name, regexp, transformer });

// cucumber-js checks each function's arity against the expression's parameters: keep the body's (less the context).
function adapt(body: StepBody) {
  switch (body.length) {
    case 1:
      return async function (this: ConformanceWorld) {
        await body(this.stepContext);
      };
    case 2:
      return async function (this: ConformanceWorld, a: unknown) {
        await body(this.stepContext, a);
      };
    case 3:
      return async function (this: ConformanceWorld, a: unknown, b: unknown) {
        await body(this.stepContext, a, b);
      };
    default:
      throw new Error(`a step body takes 1 to 3 arguments (the context and up to two parameters), not ${body.length}`);
  }
}

for (const { keyword, expression, body } of STEP_DEFINITIONS) register[keyword](expression, adapt(body));

for (const rule of SKIP_RULES) {
  Before({ tags: rule.tags }, ({ pickle }) => {
    const reason = rule.reason({ suite });
    if (!reason) return;
    console.warn(`[skip] ${pickle.name}: ${reason}`);
    return 'skipped';
  });
}
