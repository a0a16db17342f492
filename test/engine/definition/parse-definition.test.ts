// The public parse/validate API (src/engine/index.ts) as the Step Functions service layer uses it.
import { DefinitionError, parseDefinition, validateDefinition } from '../../../src/engine';
import { formatDiagnostic } from '../../../src/engine/errors/definition-error';
import { FakeTaskRunner } from '../support/fake-task-runner';

const tasks = new FakeTaskRunner();
const parse = (d: unknown, type: 'STANDARD' | 'EXPRESS' = 'STANDARD') => parseDefinition(typeof d === 'string' ? d : JSON.stringify(d), { type, tasks });

describe('parseDefinition', () => {
  it('keeps the source verbatim and exposes language, type, timeout and the typed tree', () => {
    const source = '{ "StartAt": "P",\n  "TimeoutSeconds": 30, "States": { "P": { "Type": "Pass", "End": true } } }';
    const definition = parse(source, 'EXPRESS');
    expect(definition.source).toBe(source);
    expect(definition.queryLanguage).toBe('JSONPath');
    expect(definition.type).toBe('EXPRESS');
    expect(definition.timeoutSeconds).toBe(30);
    expect(definition.program.StartAt).toBe('P');
    expect(definition.program.States.P).toMatchObject({ Type: 'Pass', name: 'P', location: '/States/P' });
  });

  it('throws DefinitionError carrying every ERROR diagnostic', () => {
    let thrown: unknown;
    try {
      parse({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope' }, B: { Type: 'Magic' } } });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DefinitionError);
    const { diagnostics } = thrown as DefinitionError;
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "SCHEMA_VALIDATION_FAILED: The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/B/Type",
    ]);
  });

  it('formats CreateStateMachine messages with one space before "at" even when the recorded message ends with a space', () => {
    const definition = { StartAt: 'S', States: { S: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync', Parameters: {}, End: true } } };
    expect(() => parse(definition, 'EXPRESS')).toThrow(
      "SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at /States/S/Resource",
    );
  });

  it('lists the variables each state reads (DescribeStateMachine variableReferences), sorted, nested states included', () => {
    const definition = parse({
      QueryLanguage: 'JSONata',
      StartAt: 'Init',
      States: {
        Init: { Type: 'Pass', Assign: { a: 1, b: 2 }, Next: 'Use' },
        Use: { Type: 'Pass', Output: { x: '{% $b + $a %}' }, Assign: { c: '{% $a %}' }, Next: 'M' },
        M: {
          Type: 'Map',
          Items: '{% $list %}',
          ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Pass', Output: '{% $c %}', End: true } } },
          End: true,
        },
      },
    });
    expect(definition.variableReferences).toEqual({ Use: ['a', 'b'], M: ['list'], Inner: ['c'] });
  });

  it('collects JSONPath references from paths, payload templates and Choice rules', () => {
    const definition = parse({
      StartAt: 'C',
      States: {
        C: { Type: 'Choice', Choices: [{ Variable: '$limit', NumericGreaterThanPath: '$max', Next: 'P' }], Default: 'P' },
        P: { Type: 'Pass', InputPath: '$in', Parameters: { 'v.$': '$other.x' }, End: true },
      },
    });
    expect(definition.variableReferences).toEqual({ C: ['limit', 'max'], P: ['in', 'other'] });
  });

  it('compiles a DISTRIBUTED ItemProcessor as its own state machine with its own variable references', () => {
    const definition = parse({
      StartAt: 'M',
      States: {
        M: {
          Type: 'Map',
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Child',
            States: { Child: { Type: 'Pass', Parameters: { 'v.$': '$childVar' }, End: true } },
          },
          End: true,
        },
      },
    });
    const map = definition.program.States.M;
    if (map.Type !== 'Map') throw new Error('expected a Map');
    expect(map.childDefinition?.type).toBe('STANDARD');
    expect(map.childDefinition?.variableReferences).toEqual({ Child: ['childVar'] });
    expect(JSON.parse(map.childDefinition!.source)).toMatchObject({ StartAt: 'Child' });
  });

  it("inherits the machine language in nested programs, not the Map state's (measured by floci #2968)", () => {
    const diagnostics = validateDefinition(
      JSON.stringify({
        StartAt: 'M',
        States: {
          M: {
            Type: 'Map',
            QueryLanguage: 'JSONata',
            ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', Output: {}, End: true } } },
            End: true,
          },
        },
      }),
      { tasks },
    );
    expect(diagnostics).toEqual([
      {
        severity: 'ERROR',
        code: 'SCHEMA_VALIDATION_FAILED',
        message: "The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage",
        location: '/States/M/ItemProcessor/States/P',
      },
    ]);
  });

  it('reports JSONata syntax errors at the field, through the query language compiler', () => {
    const diagnostics = validateDefinition(
      JSON.stringify({
        QueryLanguage: 'JSONata',
        StartAt: 'P',
        States: { P: { Type: 'Pass', Output: { v: '{% 1 + %}' }, End: true } },
      }),
      { tasks },
    );
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'ERROR', location: '/States/P/Output/v' });
    expect(diagnostics[0].message).toContain("'1 +'");
  });

  it('validateDefinition defaults to STANDARD and never throws on garbage', () => {
    for (const text of ['', '{', '[1,2', 'null', '{"StartAt": 5, "States": []}', '{"StartAt":"A","States":{"A":null}}']) {
      expect(() => validateDefinition(text, { tasks })).not.toThrow();
      expect(validateDefinition(text, { tasks }).length).toBeGreaterThan(0);
    }
  });

  it('reports the Jackson location of an unterminated object', () => {
    const [d] = validateDefinition('{"StartAt": "A"', { tasks });
    expect(d.code).toBe('INVALID_JSON_DESCRIPTION');
    expect(d.message).toMatch(
      /^Unexpected end-of-input: expected close marker for Object \(start marker at \[Source: \(String\)"\{"StartAt": "A""; line: 1, column: 1\]\)/,
    );
  });

  it('ignores text after the root value, like Jackson readTree', () => {
    expect(validateDefinition('{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}} trailing', { tasks })).toEqual([]);
  });
});
