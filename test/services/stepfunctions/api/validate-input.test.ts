import { SerializationException, ValidationException } from '../../../../src/services/stepfunctions/api/errors';
import * as S from '../../../../src/services/stepfunctions/api/shapes';
import { validateInput } from '../../../../src/services/stepfunctions/api/validate-input';

const shape = S.structure(
  { name: S.Name, maxResults: S.PageSize, statusFilter: S.ExecutionStatus, input: S.SensitiveData, tags: S.TagList, logging: S.LoggingConfiguration },
  ['name'],
);

function error(body: Record<string, unknown>): Error {
  try {
    validateInput(shape, body);
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected validation to fail');
}

describe('validateInput', () => {
  it('returns only declared members, truncating integers like Jackson', () => {
    expect(validateInput(shape, { name: 'n', maxResults: 5.7, extra: 1 })).toEqual({ name: 'n', maxResults: 5 });
  });

  it('produces the recorded single-error messages', () => {
    const tooMany = error({ name: 'n', maxResults: 1001 });
    expect(tooMany).toBeInstanceOf(ValidationException);
    expect(tooMany.message).toBe(
      "1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    expect(error({ name: 'n', statusFilter: 'succeeded' }).message).toBe(
      "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
    );
  });

  it('lists every violation, nested paths included, and hides sensitive values', () => {
    const err = error({ name: 'x'.repeat(81), input: 'y'.repeat(262_145), tags: [{ key: '' }], logging: { level: 'LOUD' } });
    expect(err.message).toBe(
      '4 validation errors detected: ' +
        `Value '${'x'.repeat(81)}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80; ` +
        "Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144; " +
        "Value '' at 'tags.1.member.key' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value 'LOUD' at 'logging.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]",
    );
  });

  it('reports a missing required member as null', () => {
    expect(error({}).message).toBe("1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null");
  });

  it('rejects wrong JSON types as SerializationException', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 5 }, 'NUMBER_VALUE cannot be converted to String'],
      [{ name: 'n', maxResults: 'ten' }, 'STRING_VALUE cannot be converted to Integer'],
      [{ name: 'n', tags: {} }, 'Start of structure or map found where not expected'],
      [{ name: 'n', logging: [] }, 'Start of list found where not expected'],
      [{ name: true }, 'TRUE_VALUE cannot be converted to String'],
    ];
    for (const [body, message] of cases) {
      const err = error(body);
      expect(err).toBeInstanceOf(SerializationException);
      expect(err.message).toBe(message);
    }
  });
});
