import { scanJson } from '../../../../src/services/stepfunctions/api/jackson-json';

const fail = (text: string) => {
  const scan = scanJson(text);
  if (scan.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return scan.message;
};
const TOKENS = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

describe('scanJson (Jackson-compatible first error)', () => {
  it('reports the recorded AWS messages', () => {
    // Recorded in test_invalid_start_execution_input (docs/aws-behaviour.md#api-protocol-and-errors).
    expect(fail('not json')).toBe(`Unrecognized token 'not': was expecting ${TOKENS}`);
    expect(fail("{'not': 'json'}")).toBe("Unexpected character (''' (code 39)): was expecting double-quote to start field name");
    // Recorded in ValidateStateMachineDefinition NOT_A_DEF (without Jackson's location suffix).
    expect(fail('not a definition')).toBe(`Unrecognized token 'not': was expecting ${TOKENS}`);
  });

  it('reports separators, values and literals like Jackson', () => {
    expect(fail('{"a" 1}')).toBe("Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value");
    expect(fail('{"a":1 "b":2}')).toBe("Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries");
    expect(fail('[1 2]')).toBe("Unexpected character ('2' (code 50)): was expecting comma to separate Array entries");
    expect(fail('{"a":}')).toBe("Unexpected character ('}' (code 125)): expected a value");
    expect(fail('[1,]')).toBe(`Unexpected character (']' (code 93)): expected a valid value ${TOKENS}`);
    expect(fail('{"a":1,}')).toBe("Unexpected character ('}' (code 125)): was expecting double-quote to start field name");
    expect(fail('True')).toBe(`Unrecognized token 'True': was expecting ${TOKENS}`);
    expect(fail('nullx')).toBe(`Unrecognized token 'nullx': was expecting ${TOKENS}`);
    expect(fail('[tru]')).toBe(`Unrecognized token 'tru': was expecting ${TOKENS}`);
  });

  it('reports end of input with the start marker location', () => {
    expect(fail('{')).toBe('Unexpected end-of-input: expected close marker for OBJECT (start marker at [Source: (String)"{"; line: 1, column: 1])');
    expect(fail('[1,\n [2')).toBe(
      'Unexpected end-of-input: expected close marker for ARRAY (start marker at [Source: (String)"[1,\n [2"; line: 2, column: 2])',
    );
    expect(fail('"abc')).toBe('Unexpected end-of-input: was expecting closing quote for a string value');
    expect(fail('[1}')).toBe("Unexpected close marker '}': expected ']' (for ARRAY starting at [Source: (String)\"[1}\"; line: 1, column: 1])");
  });

  it('reports strings and numbers like Jackson', () => {
    expect(fail('"a\nb"')).toBe('Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped using backslash to be included in string value');
    expect(fail('"\\x"')).toBe("Unrecognized character escape 'x' (code 120)");
    expect(fail('01')).toBe('Invalid numeric value: Leading zeroes not allowed');
    expect(fail('-x')).toBe("Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value");
    expect(fail('1x')).toBe("Unexpected character ('x' (code 120)): Expected space separating root-level values");
  });

  it('accepts a first root value and stops after it, as readTree does', () => {
    const doc = '{"a":[1,2.5e3,true,null,"x\\u00e9"]}';
    expect(scanJson(doc)).toEqual({ ok: true, end: doc.length });
    expect(scanJson('{} trailing')).toEqual({ ok: true, end: 2 });
    expect(scanJson('  7 ')).toEqual({ ok: true, end: 3 });
  });
});
