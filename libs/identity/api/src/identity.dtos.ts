import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ApiToken, User } from '@qa/identity-domain';
import { ROLES, type Role } from '@qa/shared-kernel';
import { Transform } from 'class-transformer';

export class LoginRequest {
  @ApiProperty({ example: 'rep@example.com' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'demo' })
  @IsString()
  @IsNotEmpty({ message: 'password must not be empty' })
  @MaxLength(1024)
  password!: string;
}

export class MeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role!: Role;
}

export class UserResponse extends MeResponse {
  @ApiProperty({ description: 'False once an admin deactivated the user: no login, no sessions, no API tokens.' }) active!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The team the user works in, or null.' }) team!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The id of the user's manager (who they report to), or null." }) reportsTo!: string | null;
}

const TEAM_REASON = `team must be text of 1 to ${User.MAX_TEAM_LENGTH} characters (or null for no team)`;

/** What an admin changes of a user; fields left out stay as they are. */
export class ChangeUserRequest {
  @ApiProperty({ required: false, enum: ROLES, enumName: 'Role', description: 'The new role (not your own; your own unchanged is accepted).' })
  @ValidateIf((_, value) => value !== undefined)
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role;

  @ApiProperty({ required: false, type: String, nullable: true, maxLength: User.MAX_TEAM_LENGTH, example: 'Sales', description: 'The team (trimmed); null: no team. Anyone’s, your own included.' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  // Length also refuses what is not text: one problem per bad team.
  @Length(1, User.MAX_TEAM_LENGTH, { message: TEAM_REASON })
  team?: string | null;

  @ApiProperty({
    required: false,
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The id of the user's manager; null: nobody. Not the user, nor anyone who reports to them (directly or not): 422 IDENTITY.INVALID_REPORTS_TO.",
  })
  @IsOptional()
  @IsUUID('all', { message: 'reportsTo must be a user id (UUID) or null' })
  reportsTo?: string | null;
}

export class UserListResponse {
  @ApiProperty({ type: [UserResponse] }) items!: UserResponse[];
}

export class ListUsersRequest {
  @ApiProperty({ required: false, enum: ROLES, isArray: true, description: 'Only users with these roles (repeat or comma-separate).' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(ROLES, { each: true, message: `role must be one of ${ROLES.join(', ')}` })
  role?: Role[];
}

export class CreateApiTokenRequest {
  @ApiProperty({ example: 'CI export script' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    required: false,
    minimum: 1,
    maximum: ApiToken.MAX_LIFETIME_DAYS,
    default: ApiToken.DEFAULT_LIFETIME_DAYS,
    description: `Days until the token expires (default ${ApiToken.DEFAULT_LIFETIME_DAYS}, at most ${ApiToken.MAX_LIFETIME_DAYS}).`,
  })
  @IsOptional()
  @IsInt({ message: 'expiresInDays must be a whole number' })
  @Min(1, { message: 'expiresInDays must be at least 1' })
  @Max(ApiToken.MAX_LIFETIME_DAYS, { message: `expiresInDays must be at most ${ApiToken.MAX_LIFETIME_DAYS}` })
  expiresInDays?: number;
}

export class ApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first characters of the token, to recognise it.' }) prefix!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Updated at most once a minute.' }) lastUsedAt!: Date | null;
}

export class ApiTokenListResponse {
  @ApiProperty({ type: [ApiTokenResponse] }) items!: ApiTokenResponse[];
}

export class CreatedApiTokenResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() prefix!: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: Date;
  @ApiProperty({ type: String, format: 'date-time' }) expiresAt!: Date;
  @ApiProperty({ description: 'The secret: send it as `Authorization: Bearer <token>`. Shown only now.' }) token!: string;
}

export class PeopleRequest {
  @ApiProperty({ description: 'Comma-separated user ids (at most 100).', example: '01a2…,01a3…' })
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value))
  @IsUUID('all', { each: true, message: 'ids must be user UUIDs' })
  @ArrayMaxSize(100)
  ids!: string[];
}

export class PersonResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class PeopleResponse {
  @ApiProperty({ type: [PersonResponse] }) items!: PersonResponse[];
}
