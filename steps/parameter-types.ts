/**
 * Parameter types for Japanese step text. Cucumber's {string} wants "…" quotes;
 * the manual quotes names with 「…」, so names inside 「」 get their own type.
 */
import { defineParameterType } from './define.ts';

/** A screen name quoted in 「」, e.g. 「求人情報検索」. */
defineParameterType({ name: 'screen', regexp: /[^「」]+/, transformer: (s: string) => s });
