import { ApiProperty } from '@nestjs/swagger';
import { APPROVAL_LINK_ACTIONS } from '@qa/approvals-domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { RuleMatchResponse } from './approvals.dtos';

export class ApprovalLinkQuoteResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Q-2026-0042' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) companyName!: string | null;
  @ApiProperty({ example: '12500.00', description: 'Decimal text in the quote’s currency.' }) total!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
}

export class ApprovalLinkPersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'Empty when the user no longer exists.' }) name!: string;
}

export class ApprovalLinkResponse {
  @ApiProperty({ enum: APPROVAL_LINK_ACTIONS, description: 'What confirming does.' }) action!: string;
  @ApiProperty({ type: ApprovalLinkQuoteResponse }) quote!: ApprovalLinkQuoteResponse;
  @ApiProperty({ type: [RuleMatchResponse], description: 'Why it needs approval: the rules that matched, with their reasons (codes).' }) rules!: RuleMatchResponse[];
  @ApiProperty({ type: ApprovalLinkPersonResponse, description: 'The approver the link was sent to (the caller).' }) approver!: ApprovalLinkPersonResponse;
  @ApiProperty({ type: ApprovalLinkPersonResponse, nullable: true, description: 'A stand-in’s link (delegate or fallback approver): the approver out of office in whose place it decides; null: the approver’s own place.' })
  onBehalfOf!: ApprovalLinkPersonResponse | null;
  @ApiProperty() round!: number;
  @ApiProperty({ description: 'The step the link decides (1 = first).' }) step!: number;
  @ApiProperty() steps!: number;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

export class ApprovalLinkDecisionRequest {
  @ApiProperty({ required: false, description: 'Required to request changes: what the creator should change.' })
  @IsOptional()
  @IsString({ message: 'notes must be a text' })
  @MaxLength(5000)
  notes?: string;
}

export class ApprovalLinkDecisionResponse {
  @ApiProperty({ enum: APPROVAL_LINK_ACTIONS }) action!: string;
  @ApiProperty({ format: 'uuid' }) quoteId!: string;
  @ApiProperty({ enum: ['pending', 'approved', 'changes_requested', 'cancelled'], description: 'The round after the decision: pending while other approvers or steps are still to decide.' }) status!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The step deciding now (1 = first); null once the round is over.' }) currentStep!: number | null;
}
