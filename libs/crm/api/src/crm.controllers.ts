import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ChangeCompanyCommand, CreateCompanyCommand, CreateContactCommand, CreateDealCommand, GetDealQuery, ListCompaniesQuery, ListContactsQuery, ListDealsQuery } from '@qa/crm-application';
import { ChangeDealStageCommand } from '@qa/crm-contracts';
import type { Company, Contact, Deal } from '@qa/crm-domain';
import { Authenticated, CqrsController, CurrentCaller, ErrorResponse, Roles } from '@qa/shared-http';
import { formatMinor, parseMoneyInput, type Caller } from '@qa/shared-kernel';
import {
  ChangeCompanyRequest,
  ChangeDealStageRequest,
  CompanyListResponse,
  CompanyResponse,
  ContactListResponse,
  ContactResponse,
  CreateCompanyRequest,
  CreateContactRequest,
  CreateDealRequest,
  DealListResponse,
  DealResponse,
  ListDealsRequest,
  SearchRequest,
} from './crm.dtos';

const company = ({ id, name, domain, country, ownerId }: Company): CompanyResponse => ({ id, name, domain, country: country ?? null, ownerId });
const contact = ({ id, name, email, companyId }: Contact): ContactResponse => ({ id, name, email, companyId });
/** Who owns a company or contact added by this caller: a rep's is theirs; one added by a manager or admin is shared. */
const ownerFor = (caller: Caller): string | null => (caller.role === 'rep' ? caller.userId : null);
const deal = (d: Deal): DealResponse => ({ id: d.id, name: d.name, amount: formatMinor(d.amountMinor, d.currency), currency: d.currency, ownerId: d.ownerId, stage: d.stage, companyId: d.companyId });

@ApiTags('crm')
@Controller({ path: 'crm', version: '1' })
@Authenticated()
export class CrmController extends CqrsController {
  @Get('companies')
  @ApiOperation({ operationId: 'listCompanies', summary: 'Companies, for pickers (reps: shared ones, their own and those of their deals)' })
  @ApiOkResponse({ type: CompanyListResponse })
  async listCompanies(@CurrentCaller() caller: Caller, @Query() query: SearchRequest): Promise<CompanyListResponse> {
    return { items: (await this.queries.execute(new ListCompaniesQuery(query.search, caller))).map(company) };
  }

  @Post('companies')
  @ApiOperation({ operationId: 'createCompany', summary: "Add a company (a rep's is theirs; a manager's or admin's is shared)" })
  @ApiCreatedResponse({ type: CompanyResponse })
  async createCompany(@CurrentCaller() caller: Caller, @Body() body: CreateCompanyRequest): Promise<CompanyResponse> {
    return company(await this.commands.execute(new CreateCompanyCommand({ ...body, ownerId: ownerFor(caller) })));
  }

  @Patch('companies/:id')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'changeCompany', summary: "Change a company's name, domain and country; fields left out stay, the owner stays (managers, admins; the last change wins)" })
  @ApiOkResponse({ type: CompanyResponse })
  @ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED (details.fields)' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'CRM.COMPANY_NOT_FOUND' })
  @ApiUnprocessableEntityResponse({ type: ErrorResponse, description: 'CRM.INVALID_COMPANY (details.fields: name, country). Nothing is changed.' })
  async changeCompany(@CurrentCaller() caller: Caller, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeCompanyRequest): Promise<CompanyResponse> {
    return company(await this.commands.execute(new ChangeCompanyCommand(id, body, caller)));
  }

  @Get('contacts')
  @ApiOperation({ operationId: 'listContacts', summary: 'Contacts, for the quote recipients picker (reps: shared ones and their own)' })
  @ApiOkResponse({ type: ContactListResponse })
  async listContacts(@CurrentCaller() caller: Caller, @Query() query: SearchRequest): Promise<ContactListResponse> {
    return { items: (await this.queries.execute(new ListContactsQuery(query, caller))).map(contact) };
  }

  @Post('contacts')
  @ApiOperation({ operationId: 'createContact', summary: "Add a contact at a company the caller may see (a rep's is theirs; a manager's or admin's is shared)" })
  @ApiCreatedResponse({ type: ContactResponse })
  async createContact(@CurrentCaller() caller: Caller, @Body() body: CreateContactRequest): Promise<ContactResponse> {
    return contact(await this.commands.execute(new CreateContactCommand({ ...body, companyId: body.companyId ?? null, ownerId: ownerFor(caller) }, caller)));
  }

  @Get('deals')
  @ApiOperation({ operationId: 'listDeals', summary: 'Deals, for the quote deal picker (reps: their own)' })
  @ApiOkResponse({ type: DealListResponse })
  async listDeals(@CurrentCaller() caller: Caller, @Query() query: ListDealsRequest): Promise<DealListResponse> {
    return { items: (await this.queries.execute(new ListDealsQuery(query, caller))).map(deal) };
  }

  @Post('deals')
  @ApiOperation({ operationId: 'createDeal', summary: 'Add a deal, owned by the caller (at a company the caller may see)' })
  @ApiCreatedResponse({ type: DealResponse })
  async createDeal(@CurrentCaller() caller: Caller, @Body() body: CreateDealRequest): Promise<DealResponse> {
    return deal(
      await this.commands.execute(new CreateDealCommand({ ...body, amountMinor: parseMoneyInput(body.amount, body.currency), ownerId: caller.userId, companyId: body.companyId ?? null }, caller)),
    );
  }

  @Patch('deals/:id/stage')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'changeDealStage', summary: "Move a deal to another pipeline stage (managers, admins; workflows do it too)" })
  @ApiOkResponse({ type: DealResponse })
  async changeDealStage(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeDealStageRequest): Promise<DealResponse> {
    await this.commands.execute(new ChangeDealStageCommand(id, body.stage));
    return deal(await this.queries.execute(new GetDealQuery(id)));
  }
}
