// A string is a JSONata expression iff it starts with `{%` and ends with `%}`; any other string,
// including one with whitespace outside the delimiters, is a literal (docs/aws-behaviour.md#jsonata-expressions-in-fields).

export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 4 && value.startsWith('{%') && value.endsWith('%}');
}

/** The expression as AWS quotes it in causes: the text between the delimiters, trimmed (docs/aws-behaviour.md#jsonata-evaluation-errors). */
export function expressionText(value: string): string {
  return value.slice(2, -2).trim();
}
