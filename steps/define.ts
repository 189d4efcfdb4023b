/**
 * Step definitions written once, as plain functions of a StepContext, and
 * registered by two thin adapters: fixtures/playwright-bdd/register.ts and
 * fixtures/cucumber-js/register.ts. Nothing here knows which runner is driving.
 */
import { ConfigError } from '../support/config.ts';
import { ProfileError, type SectionBlock, type TargetProfile } from '../support/target-profile.ts';
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
 * The words a person looks for on the top page to find the target profile's `top` entries — a manual's own words
 * (the sections its figure of the top page shows): `npm run target:check` proposes texts carrying them as candidates
 * for an entry it cannot find. A section declares them (in a *.steps.ts file of its folder, found like its steps).
 */
export interface EntryWords {
  /** The block titles of the top page that each hold a login control. */
  readonly topSections?: readonly string[];
  /** Another block title shown on the top page. */
  readonly topOther?: string;
}

export const ENTRY_WORDS: EntryWords[] = [];

export function defineEntryWords(words: EntryWords): void {
  ENTRY_WORDS.push(words);
}

/** How `npm run target:check` looks for one entry of a section's profile block, on a site it has never seen. */
export interface BlockEntryLook {
  readonly key: string;
  /** Where it is: the login screen, or My Page's first screen on a PC or on a smart device (logged in). */
  readonly on: 'login' | 'pc' | 'sp';
  /** The manual's word the control carries, matched after NFKC: the whole name, or contained in it (an icon's text may join it). */
  readonly word?: { readonly word: string; readonly whole: boolean };
  /** Another entry of the block (looked at before) to press first: this one appears then (e.g. the panel a menu opens). */
  readonly after?: string;
  /** Another entry of the block (looked at before) that this one is searched inside. */
  readonly within?: string;
  /** The control that logs out: `target:check --logout` presses it. */
  readonly logsOut?: boolean;
}

export interface ProfileBlockDefinition {
  // biome-ignore lint/suspicious/noExplicitAny: each section's block has its own entries.
  readonly block: SectionBlock<any>;
  /** Every entry of the block, in the order target:check looks at them. */
  readonly looks: readonly BlockEntryLook[];
}

export const PROFILE_BLOCKS: ProfileBlockDefinition[] = [];

/** A section's profile block (its schema is in the section's pages folder) and how target:check looks for its entries. */
export function defineProfileBlock(definition: ProfileBlockDefinition): void {
  const unlooked = definition.block.keys.filter((k) => !definition.looks.some((l) => l.key === k));
  if (unlooked.length > 0) throw new Error(`profile block ${definition.block.name}: no look for ${unlooked.join(', ')}`);
  PROFILE_BLOCKS.push(definition);
}

/** Every section's block of the profile, validated: one ConfigError (the run cannot start) naming each block that is missing or wrong. */
export function checkProfileBlocks(profile: TargetProfile): void {
  const problems: string[] = [];
  for (const { block } of PROFILE_BLOCKS) {
    try {
      block.of(profile);
    } catch (error) {
      if (!(error instanceof ProfileError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
}
