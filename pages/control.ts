/**
 * A control as the checks of a control see it (checks/controls.ts): where the target profile says it is, which
 * profile entry says so, and what it is in the manual writer's words. Page objects make them; steps pass them on,
 * so no profile key travels through a step as a string.
 */
import type { Locator } from '@playwright/test';
import { entryName, type LocatorSpec, locate, type TargetProfile } from '../support/target-profile.ts';

export interface Control {
  /** The first visible element the entry matches. */
  readonly locator: Locator;
  /** What it is, in the reader's words: 「ログイン」ボタン, メニュー. */
  readonly what: string;
  /** The profile entry that finds it, without its alternatives: プロファイル hellowork の login.submit. */
  readonly entry: string;
  /** The same with what it looks for: プロファイル hellowork の login.submit（ボタン「ログイン」、または …）. */
  readonly lookedFor: string;
}

/** The control that `spec` (the profile's entry at `path`) finds under `root`. */
export function profileControl(root: Parameters<typeof locate>[0], profile: TargetProfile, path: string, spec: LocatorSpec, what: string): Control {
  return { locator: locate(root, spec), what, entry: entryName(profile, path), lookedFor: entryName(profile, path, spec) };
}
