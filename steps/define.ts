/**
 * Step definitions written once, as plain functions of a StepContext, and
 * registered by two thin adapters: steps/playwright-bdd/register.ts and
 * steps/cucumber-js/register.ts. Nothing here knows which runner is driving.
 */
import type { StepContext } from './context.ts';

export type StepKeyword = 'Given' | 'When' | 'Then';

// Step arguments come from Cucumber expressions: strings for {screen} and {string}.
// biome-ignore lint/suspicious/noExplicitAny: each definition declares its own argument types.
export type StepBody = (ctx: StepContext, ...args: any[]) => Promise<void>;

export interface StepDefinition {
  readonly keyword: StepKeyword;
  /** The Cucumber expression: manual steps quote the manual verbatim. */
  readonly expression: string;
  readonly body: StepBody;
}

/** A Cucumber parameter type, defined the same way in both runners. */
export interface ParameterTypeDefinition {
  readonly name: string;
  readonly regexp: RegExp;
  readonly transformer: (s: string) => unknown;
}

/** A Before hook that skips scenarios with the given tags when a condition holds (with a printed reason). */
export interface SkipRule {
  readonly tags: string;
  /** The reason to skip, or undefined to run. */
  readonly reason: (ctx: { suite: StepContext['suite'] }) => string | undefined;
}

export const STEP_DEFINITIONS: StepDefinition[] = [];
export const PARAMETER_TYPES: ParameterTypeDefinition[] = [];
export const SKIP_RULES: SkipRule[] = [];

const define =
  (keyword: StepKeyword) =>
  <A extends unknown[]>(expression: string, body: (ctx: StepContext, ...args: A) => Promise<void>): void => {
    if (STEP_DEFINITIONS.some((d) => d.expression === expression)) throw new Error(`step defined twice: ${expression}`);
    STEP_DEFINITIONS.push({ keyword, expression, body: body as StepBody });
  };

export const Given = define('Given');
export const When = define('When');
export const Then = define('Then');

/**
 * A runner's wrapper around a step body, given the arity that runner expects: both runners check a step
 * function's declared parameters against its expression's, and a rest parameter declares none.
 */
export function withArity<F extends (...args: never[]) => unknown>(wrapper: F, arity: number): F {
  return Object.defineProperty(wrapper, 'length', { value: arity });
}

export function defineParameterType(definition: ParameterTypeDefinition): void {
  PARAMETER_TYPES.push(definition);
}

/**
 * Thrown by a step when the scenario cannot run as configured (e.g. it starts from a screen the target does not
 * have): both adapters mark the scenario skipped and print the reason, instead of failing it.
 */
export class SkipScenario extends Error {
  override name = 'SkipScenario';
}

export function skipScenarios(rule: SkipRule): void {
  SKIP_RULES.push(rule);
}

/**
 * The words a person looks for on a site to find the target profile's entries — the manual's own words (its
 * ログアウト, its メニュー, the top page's sections): `npm run target:check` proposes controls and texts carrying them
 * as candidates for an entry it cannot find. A section declares those of the entries it uses (in a *.steps.ts file
 * of its folder, found like its steps); the check reads them merged.
 */
export interface EntryWords {
  /** The logout control's name (PC button, smart-device menu item). */
  readonly logout?: string;
  /** The smart-device menu control's name (contained in it: the control may carry an icon too). */
  readonly menu?: string;
  /** Contained in the name of the entry that starts a login through マイナポータル. */
  readonly mynaportal?: string;
  /** The block titles of the top page that each hold a login control. */
  readonly topSections?: readonly string[];
  /** Another block title shown on the top page. */
  readonly topOther?: string;
}

export const ENTRY_WORDS: EntryWords[] = [];

export function defineEntryWords(words: EntryWords): void {
  ENTRY_WORDS.push(words);
}
