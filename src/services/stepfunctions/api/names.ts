// Resource names (state machines, executions): 1–80 characters without whitespace, brackets
// `< > { } [ ]`, wildcards `? *`, the specials `" # % \ ^ | ~ \` $ & , ; : /`, or control characters
// U+0000–U+001F, U+007F–U+009F (docs/aws-behaviour.md#api-operations; AWS API reference "name" member docs).
import { InvalidName } from './errors';

const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export function isValidName(name: string): boolean {
  return name.length >= 1 && name.length <= 80 && !FORBIDDEN.test(name);
}

export function checkName(name: string): string {
  if (!isValidName(name)) throw new InvalidName(name);
  return name;
}
