import { ApiProperty } from '@nestjs/swagger';

/** The one error body of the API. `code` is stable; `message` is for people; `details` carries specifics. */
export class ErrorResponse {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable error code, e.g. AUTH.INVALID_CREDENTIALS or QUOTES.NOT_EDITABLE.' })
  code!: string;

  @ApiProperty({ example: 'email must be an email' })
  message!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { fields: [{ field: 'email', reason: 'email must be an email' }] },
    description: 'For validation errors, `fields` lists each field and the reason.',
  })
  details!: Record<string, unknown>;
}

export interface FieldProblem {
  field: string;
  reason: string;
}
