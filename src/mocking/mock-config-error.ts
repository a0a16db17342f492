import { JsonLocatedError } from './json-location';

/** A MockConfigFile that cannot be used: names the file and the JSON location inside it. */
export class MockConfigError extends JsonLocatedError {
  override readonly name = 'MockConfigError';
}
