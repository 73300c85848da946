// `describeError` as the package exports it: with every English word it may need. The elements word
// errors through `describe-core.ts`, and each loads the words of the errors it shows itself (value
// errors `en-editor.ts`, definition errors `en-admin.ts`, audience errors `en-audiences.ts`), so
// the agent panel's page does not carry them before its first edit.
import './en-editor.js';
import './en-admin.js';
import './en-audiences.js';

export { describeError, type DescribableError, type DescribeOptions } from './describe-core.js';
