/** The manual sections of this folder (every `<section>/routes.ts(x)`), loaded once: what a HelloWork app adds by default. */
import { loadSections } from './kit.ts';

export const SECTIONS = await loadSections();
