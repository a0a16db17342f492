import { javaDoubleText, javaText } from '../../../src/engine/query/common/java-text';

describe('Java text forms', () => {
  it.each([
    [1688128939.071, '1.688128939071E9'],
    [1.1, '1.1'],
    [100, '100.0'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [1e7, '1.0E7'],
    [-2.5e-7, '-2.5E-7'],
    [0, '0.0'],
  ])('Double.toString(%p) is %s', (value, text) => {
    expect(javaDoubleText(value)).toBe(text);
  });

  it('prints objects like a Java Map and arrays like a List, strings bare, integers without a fraction', () => {
    expect(javaText({ Arg1: 1, Arg2: [] })).toBe('{Arg1=1, Arg2=[]}');
    expect(javaText({ a: 'x', b: { c: null, d: true }, e: [1, 'two', 1.5] })).toBe('{a=x, b={c=null, d=true}, e=[1, two, 1.5]}');
    expect(javaText(1e21)).toBe('1.0E21');
    expect(javaText('text')).toBe('text');
  });
});
