import { ApiProperty } from '@nestjs/swagger';
import { DEAL_STAGES, type DealStage } from '@qa/crm-contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class SearchRequest {
  @ApiProperty({ required: false, description: 'Text in the name (or e-mail for contacts).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'companyId must be a UUID' })
  companyId?: string;
}

export class CompanyResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) domain!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'ISO 3166-1 alpha-2 ("NL"); null when not known.' }) country!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rep who added it; null: shared.' }) ownerId!: string | null;
}
export class CompanyListResponse {
  @ApiProperty({ type: [CompanyResponse] }) items!: CompanyResponse[];
}
export class CreateCompanyRequest {
  @ApiProperty({ example: 'Acme BV' }) @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name!: string;
  @ApiProperty({ required: false, example: 'acme.example' }) @IsOptional() @IsString() @MaxLength(200) domain?: string;
  @ApiProperty({ required: false, type: String, nullable: true, example: 'NL', description: 'ISO 3166-1 alpha-2 (any case; kept in capitals). 422 CRM.INVALID_COMPANY, field country, for an unknown code.' })
  @IsOptional()
  @IsString({ message: 'country must be a text' })
  country?: string | null;
}

/** A change to a company: fields left out stay. Checked as for creating one. */
export class ChangeCompanyRequest {
  @ApiProperty({ required: false, example: 'Acme BV' })
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;
  @ApiProperty({ required: false, type: String, nullable: true, example: 'acme.example', description: 'null or empty: none.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  domain?: string | null;
  @ApiProperty({ required: false, type: String, nullable: true, example: 'NL', description: 'ISO 3166-1 alpha-2 (any case; kept in capitals); null or empty: none. 422 CRM.INVALID_COMPANY, field country, for an unknown code.' })
  @IsOptional()
  @IsString({ message: 'country must be a text' })
  country?: string | null;
}

export class ContactResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId!: string | null;
}
export class ContactListResponse {
  @ApiProperty({ type: [ContactResponse] }) items!: ContactResponse[];
}
export class CreateContactRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name!: string;
  @ApiProperty() @IsEmail({}, { message: 'email must be an e-mail address' }) @MaxLength(320) email!: string;
  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'companyId must be a UUID' }) companyId?: string | null;
}

export class DealResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Decimal string in the currency, e.g. "24000.00".' }) amount!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ format: 'uuid' }) ownerId!: string;
  @ApiProperty({ enum: DEAL_STAGES, enumName: 'DealStage' }) stage!: DealStage;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) companyId!: string | null;
}
export class DealListResponse {
  @ApiProperty({ type: [DealResponse] }) items!: DealResponse[];
}
export class ListDealsRequest extends SearchRequest {
  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a UUID' })
  ownerId?: string;
}
export class CreateDealRequest {
  @ApiProperty() @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(200) name!: string;
  @ApiProperty({ example: '24000.00', description: 'Decimal string.' })
  @Matches(/^\d{1,13}(\.\d{1,3})?$/, { message: 'amount must be a decimal number like 24000.00' })
  amount!: string;
  @ApiProperty({ example: 'EUR' }) @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code like EUR' }) currency!: string;
  @ApiProperty({ enum: DEAL_STAGES, enumName: 'DealStage' }) @IsIn(DEAL_STAGES, { message: `stage must be one of ${DEAL_STAGES.join(', ')}` }) stage!: DealStage;
  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID('all', { message: 'companyId must be a UUID' }) companyId?: string | null;
}
export class ChangeDealStageRequest {
  @ApiProperty({ enum: DEAL_STAGES, enumName: 'DealStage' }) @IsIn(DEAL_STAGES, { message: `stage must be one of ${DEAL_STAGES.join(', ')}` }) stage!: DealStage;
}
export class PageRequest {
  @ApiProperty({ required: false, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}
