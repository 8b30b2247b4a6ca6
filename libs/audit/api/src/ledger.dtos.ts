import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { LEDGER_KINDS } from '@qa/audit-domain';

export class ExportLedgerRequest {
  @ApiProperty({ required: false, enum: ['jsonl', 'csv'], default: 'jsonl', description: 'JSON Lines (one entry per line) or CSV (RFC 4180, a header row)' })
  @IsOptional()
  @IsIn(['jsonl', 'csv'], { message: 'format must be jsonl or csv' })
  format?: 'jsonl' | 'csv';

  @ApiProperty({ required: false, example: '2026-12-01', description: 'Entries that happened at or after: an ISO 8601 date (UTC) or date-time with a zone' })
  @IsOptional()
  @IsString({ message: 'from must be a date' })
  @MaxLength(40, { message: 'from must be a date' })
  from?: string;

  @ApiProperty({ required: false, example: '2026-12-31', description: 'Entries that happened before: a date counts its whole day (UTC); a date-time is exclusive' })
  @IsOptional()
  @IsString({ message: 'to must be a date' })
  @MaxLength(40, { message: 'to must be a date' })
  to?: string;

  @ApiProperty({ required: false, format: 'uuid', description: "One quote's entries" })
  @IsOptional()
  @IsString({ message: 'quoteId must be a quote id' })
  @MaxLength(36, { message: 'quoteId must be a quote id' })
  quoteId?: string;
}

export class LedgerVerifyResponse {
  @ApiProperty({ description: 'The chain is intact' }) ok!: boolean;
  @ApiProperty({ required: false, description: 'ok: how many entries the chain has' }) entries?: number;
  @ApiProperty({ required: false, description: 'ok: the last entry’s hash (keep it to compare with a later verify)' }) lastHash?: string;
  @ApiProperty({ required: false, description: 'Not ok: the seq of the first entry changed, removed or inserted' }) seq?: number;
  @ApiProperty({ required: false, enum: ['changed', 'removed', 'inserted'] }) problem?: 'changed' | 'removed' | 'inserted';
  @ApiProperty({ required: false, enum: ['hash-mismatch', 'seq-gap', 'shifted', 'broken-link'], description: 'How the problem shows' }) reason?: 'hash-mismatch' | 'seq-gap' | 'shifted' | 'broken-link';
  @ApiProperty({ required: false, type: String, nullable: true, description: 'The event id the named entry claims (null when it is gone)' }) eventId?: string | null;
  @ApiProperty({ required: false, description: 'Not ok: how many entries were intact before it' }) checked?: number;
}

/** One exported entry (a JSON Lines line). */
export class LedgerEntryExport {
  @ApiProperty() seq!: number;
  @ApiProperty() eventId!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty({ enum: LEDGER_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true }) quoteId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ type, id }' }) actor!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What happened (for a route: its steps, approvers, rules and policy version)' }) payload!: Record<string, unknown>;
  @ApiProperty() prevHash!: string;
  @ApiProperty({ description: 'SHA-256 hex of [seq, eventId, occurredAt, kind, quoteId, actor type, actor id, payload text, prevHash] as JSON' }) hash!: string;
}
