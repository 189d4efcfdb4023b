// Lets cucumber-js import the TypeScript support code and formatters: tsx's ESM hooks, registered
// the way tsx supports (its API; cucumber-js's `loader` option registers hooks in a way tsx refuses).
import { register } from 'tsx/esm/api';

register();
