/**
 * cucumber-js adapter: registers the shared step definitions (steps/*.steps.ts)
 * with the World's StepContext as their first argument.
 */
import { Before, defineParameterType, Given, Then, When } from '@cucumber/cucumber';
import { SkipScenario, withArity } from '../define.ts';
import { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from '../index.ts';
import { type ConformanceWorld, suite } from './world.ts';

const register = { Given, When, Then };

for (const { name, regexp, transformer } of PARAMETER_TYPES) defineParameterType({ name, regexp, transformer });

// The World is `this`: the expression's parameters only, the body's arity less its context.
for (const { keyword, expression, body } of STEP_DEFINITIONS) {
  register[keyword](
    expression,
    withArity(async function (this: ConformanceWorld, ...args: unknown[]) {
      try {
        await body(this.stepContext, ...args);
      } catch (error) {
        if (!(error instanceof SkipScenario)) throw error;
        console.warn(`[skip] ${this.stepText}: ${error.message}`);
        return 'skipped';
      }
      return undefined;
    }, body.length - 1),
  );
}

for (const rule of SKIP_RULES) {
  Before({ tags: rule.tags }, ({ pickle }) => {
    const reason = rule.reason({ suite });
    if (!reason) return;
    console.warn(`[skip] ${pickle.name}: ${reason}`);
    return 'skipped';
  });
}
