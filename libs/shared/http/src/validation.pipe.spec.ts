import { Type } from 'class-transformer';
import { IsString, ValidateNested } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { createValidationPipe, inputProblems, MAX_INPUT_DEPTH } from './validation.pipe';

class LineRequest {
  @IsString() name!: string;
}
class BodyRequest {
  @IsString() title!: string;
  @ValidateNested({ each: true }) @Type(() => LineRequest) lines!: LineRequest[];
}

const refusal = async (value: unknown, type: 'body' | 'query' | 'param' = 'body', data?: string) => {
  try {
    await createValidationPipe().transform(value, { type, metatype: type === 'body' ? BodyRequest : String, data });
    return null;
  } catch (error) {
    return (error as { getStatus(): number; getResponse(): unknown }).getStatus() === 400 ? (error as { getResponse(): unknown }).getResponse() : error;
  }
};

describe('validation at the edge (found by the fuzzer, tools/chaos)', () => {
  it('refuses NUL characters and lone surrogates anywhere, naming the field (PostgreSQL cannot store them: they were 500s)', async () => {
    expect(await refusal({ title: 'ok', lines: [{ name: 'a\u0000b' }] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ field: 'lines.0.name', reason: 'must not contain NUL characters (\\u0000)' }] },
    });
    expect(await refusal({ search: '\u0000' }, 'query')).toMatchObject({ details: { fields: [{ field: 'search' }] } });
    expect(await refusal('x\u0000', 'param', 'recordType')).toMatchObject({ details: { fields: [{ field: 'recordType' }] } });
    // Half a surrogate pair (JSON allows "\ud800"; PostgreSQL's jsonb refused the event with it: a 500).
    expect(await refusal({ title: '\ud800 lone', lines: [] })).toMatchObject({ details: { fields: [{ field: 'title', reason: 'must be valid Unicode text (half a surrogate pair is not)' }] } });
    expect(inputProblems({ title: 'astral 𝕳 and emoji 👨‍👩‍👧 are fine' })).toEqual([]);
    expect(inputProblems({ ['a\u0000']: 1 })).toEqual([{ field: 'a\u0000', reason: 'must not contain NUL characters (\\u0000)' }]);
  });

  it('refuses absurd nesting before the transformer recurses into it (5,000 levels overflowed the stack: a 500)', async () => {
    const deep = JSON.parse(`${'['.repeat(5_000)}${']'.repeat(5_000)}`);
    expect(await refusal(deep)).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ reason: `is nested more than ${MAX_INPUT_DEPTH} levels deep` }] } });
    const deepObject = JSON.parse(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`);
    expect(await refusal(deepObject)).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lets ordinary requests through to the DTO, unicode included', async () => {
    const body = await createValidationPipe().transform({ title: 'Zoë 😀 مرحبا', lines: [{ name: 'x' }] }, { type: 'body', metatype: BodyRequest });
    expect(body).toBeInstanceOf(BodyRequest);
    expect(await refusal({ title: 42, lines: [] })).toMatchObject({ details: { fields: [{ field: 'title' }] } });
  });
});
