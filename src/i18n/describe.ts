// `describeError` as the package exports it: with every English word it may need. The elements word
// errors through `describe-core.ts`, and those that show value errors load their words themselves
// (`en-editor.ts`), so the agent panel's page does not carry them before its first edit.
import './en-editor.js';

export { describeError, type DescribableError, type DescribeOptions } from './describe-core.js';
