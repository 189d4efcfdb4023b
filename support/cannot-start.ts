/**
 * Errors that mean "this run cannot start" (a bad setting, no browser, an unreachable target) are the user's to
 * fix, not bugs: they are printed as their message alone, one paragraph, with no stack trace, and the process
 * exits 1. Anything else is left to propagate as it is (a bug's stack is worth having).
 */
import { ScaleOutSettingError } from './scale-out.ts';
import { BareMachineFlagError, NoChromiumError } from './browser.ts';
import { ConfigError } from './config.ts';
import { FontChoiceError } from './fonts.ts';
import { NpmChromiumUnpackError } from './npm-chromium.ts';
import { UnreachableTargetError } from './preflight.ts';

export const CANNOT_START = [
  ConfigError,
  NoChromiumError,
  BareMachineFlagError,
  FontChoiceError,
  NpmChromiumUnpackError,
  UnreachableTargetError,
  ScaleOutSettingError,
] as const;

function cannotStart(error: unknown): error is Error {
  return CANNOT_START.some((E) => error instanceof E);
}

/** Prints a cannot-start error's message and exits 1; rethrows anything else. */
export function stopOn(error: unknown): never {
  if (!cannotStart(error)) throw error;
  console.error(`\n${error.message}\n`);
  process.exit(1);
}

/** Runs `f`; a cannot-start error stops the process with its message only. */
export function orStop<T>(f: () => T): T {
  try {
    return f();
  } catch (error) {
    return stopOn(error);
  }
}
