import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import type { FieldProblem } from './error-response';

/** Flattens class-validator errors into `field.path: reason` pairs. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({
      field,
      reason: reason.replace(/^property (\S+) should not exist$/, `$1 is not an allowed field`),
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** How deep the JSON of a request may nest. Real requests stay far below; much deeper ones overflow the transformer's recursion. */
export const MAX_INPUT_DEPTH = 32;

/** Half of a surrogate pair on its own: JSON's \uD800-style escapes allow it, PostgreSQL's jsonb and UTF-8 do not. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What no endpoint accepts, whatever its DTO, found without recursion: text with NUL characters
 * (PostgreSQL cannot store them, and the ORM's inlined SQL breaks the protocol on them) or lone
 * surrogates (jsonb refuses them), and absurdly deep nesting. `root` names the value (a query or
 * path parameter; '' for the body).
 */
export function inputProblems(value: unknown, root = ''): FieldProblem[] {
  const textProblem = (text: string) =>
    text.includes('\u0000') ? 'must not contain NUL characters (\\u0000)' : LONE_SURROGATE.test(text) ? 'must be valid Unicode text (half a surrogate pair is not)' : null;
  const problems: FieldProblem[] = [];
  const stack: Array<[unknown, string, number]> = [[value, root, 0]];
  while (stack.length > 0 && problems.length < 20) {
    const [node, path, depth] = stack.pop()!;
    if (typeof node === 'string') {
      const reason = textProblem(node);
      if (reason) problems.push({ field: path || 'body', reason });
    } else if (node !== null && typeof node === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        problems.push({ field: path || 'body', reason: `is nested more than ${MAX_INPUT_DEPTH} levels deep` });
        continue;
      }
      for (const [key, child] of Object.entries(node)) {
        const field = path ? `${path}.${key}` : key;
        const reason = textProblem(key);
        if (reason) problems.push({ field, reason });
        stack.push([child, field, depth + 1]);
      }
    }
  }
  return problems;
}

/** The 400 of a request that fails validation, naming every field. */
export const validationFailed = (fields: FieldProblem[]) =>
  new BadRequestException({
    code: 'VALIDATION_FAILED',
    message: fields.map((f) => `${f.field}: ${f.reason}`).join('; ') || 'The request is not valid',
    details: { fields },
  });

/** The global pipe: the checks of `inputProblems` on body, query and path, then the DTO's own. */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = inputProblems(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (problems.length > 0) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

/** Validation at the edge: unknown fields refused, types converted, every problem named. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}
