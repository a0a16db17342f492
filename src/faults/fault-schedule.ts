// Decides, per DynamoDB call, whether the plan fails it: calls are numbered per operation from 1 in arrival
// order, and the first rule that selects the call wins. Also keeps the counts reports and tests read.
import type { DynamoDbFaultError } from './dynamodb-errors';
import type { FaultPlan, FaultRule } from './fault-plan';
import { seededFraction } from './seeded-fraction';

export interface FaultReport {
  /** Faults injected in total. */
  readonly injected: number;
  readonly byOperation: Readonly<Record<string, number>>;
  readonly byError: Readonly<Partial<Record<DynamoDbFaultError, number>>>;
  /** Calls seen per operation, faulted or not. */
  readonly calls: Readonly<Record<string, number>>;
  /** The faulted call numbers per operation, ascending: what "same seed, same faults" is checked against. */
  readonly faultedCalls: Readonly<Record<string, readonly number[]>>;
}

export interface ScheduledFault {
  readonly operation: string;
  readonly call: number;
  readonly rule: FaultRule;
}

export class FaultSchedule {
  // Keys are known DynamoDB operation names only, so these maps stay small.
  private readonly calls = new Map<string, number>();
  private readonly injectedByOperation = new Map<string, number>();
  private readonly injectedByError = new Map<DynamoDbFaultError, number>();
  // One number per injected fault: grows with the faults, which a plan keeps to a fraction of the calls.
  private readonly faulted = new Map<string, number[]>();

  constructor(private readonly plan: FaultPlan) {}

  /** Numbers this call of `operation` and returns the fault to inject, if any. Synchronous: arrival order. */
  next(operation: string): ScheduledFault | undefined {
    const call = (this.calls.get(operation) ?? 0) + 1;
    this.calls.set(operation, call);
    const index = this.plan.rules.findIndex((rule, i) => this.selects(rule, i, operation, call));
    if (index < 0) return undefined;
    const rule = this.plan.rules[index];
    increment(this.injectedByOperation, operation);
    increment(this.injectedByError, rule.error);
    const faulted = this.faulted.get(operation);
    if (faulted) faulted.push(call);
    else this.faulted.set(operation, [call]);
    return { operation, call, rule };
  }

  report(): FaultReport {
    let injected = 0;
    for (const n of this.injectedByOperation.values()) injected += n;
    return {
      injected,
      byOperation: Object.fromEntries(this.injectedByOperation),
      byError: Object.fromEntries(this.injectedByError),
      calls: Object.fromEntries(this.calls),
      faultedCalls: Object.fromEntries([...this.faulted].map(([operation, calls]) => [operation, [...calls]])),
    };
  }

  private selects(rule: FaultRule, index: number, operation: string, call: number): boolean {
    if (rule.operations && !rule.operations.has(operation)) return false;
    if (rule.calls) return rule.calls.has(call);
    return seededFraction(this.plan.seed, index, operation, call) < rule.rate;
  }
}

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
