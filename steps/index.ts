/** Every step definition and parameter type, for the runners' adapters to register. */
import './parameter-types.ts';
import './mypage.steps.ts';
import './logout.steps.ts';
import './mynaportal.steps.ts';
import './security.steps.ts';

export { PARAMETER_TYPES, SKIP_RULES, STEP_DEFINITIONS } from './define.ts';
