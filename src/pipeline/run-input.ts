// The execution input the project's parent workflow understands (statemachines/parent.asl.json reads
// these keys with defaults rendered from the config).
export interface RunInput {
  readonly key?: string;
  readonly bucket?: string;
  readonly maxConcurrency?: number;
  readonly toleratedFailurePercentage?: number;
  readonly toleratedFailureCount?: number;
  readonly maxItems?: number;
}

export function compactInput(input: RunInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}
