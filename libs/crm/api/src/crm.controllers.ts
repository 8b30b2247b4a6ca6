import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CrmService } from '@qa/crm-application';
import type { Company, Contact, Deal } from '@qa/crm-domain';
import { Authenticated, CurrentCaller, Roles } from '@qa/shared-http';
import { formatMinor, parseMoneyInput, type Caller } from '@qa/shared-kernel';
import {
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

const company = ({ id, name, domain }: Company): CompanyResponse => ({ id, name, domain });
const contact = ({ id, name, email, companyId }: Contact): ContactResponse => ({ id, name, email, companyId });
const deal = (d: Deal): DealResponse => ({ id: d.id, name: d.name, amount: formatMinor(d.amountMinor, d.currency), currency: d.currency, ownerId: d.ownerId, stage: d.stage, companyId: d.companyId });

@ApiTags('crm')
@Controller({ path: 'crm', version: '1' })
@Authenticated()
export class CrmController {
  constructor(private readonly crm: CrmService) {}

  @Get('companies')
  @ApiOperation({ operationId: 'listCompanies', summary: 'Companies, for pickers' })
  @ApiOkResponse({ type: CompanyListResponse })
  async listCompanies(@Query() query: SearchRequest): Promise<CompanyListResponse> {
    return { items: (await this.crm.listCompanies(query.search)).map(company) };
  }

  @Post('companies')
  @ApiOperation({ operationId: 'createCompany', summary: 'Add a company' })
  @ApiCreatedResponse({ type: CompanyResponse })
  async createCompany(@Body() body: CreateCompanyRequest): Promise<CompanyResponse> {
    return company(await this.crm.createCompany(body));
  }

  @Get('contacts')
  @ApiOperation({ operationId: 'listContacts', summary: 'Contacts, for the quote recipients picker' })
  @ApiOkResponse({ type: ContactListResponse })
  async listContacts(@Query() query: SearchRequest): Promise<ContactListResponse> {
    return { items: (await this.crm.listContacts(query)).map(contact) };
  }

  @Post('contacts')
  @ApiOperation({ operationId: 'createContact', summary: 'Add a contact' })
  @ApiCreatedResponse({ type: ContactResponse })
  async createContact(@Body() body: CreateContactRequest): Promise<ContactResponse> {
    return contact(await this.crm.createContact({ ...body, companyId: body.companyId ?? null }));
  }

  @Get('deals')
  @ApiOperation({ operationId: 'listDeals', summary: 'Deals, for the quote deal picker' })
  @ApiOkResponse({ type: DealListResponse })
  async listDeals(@Query() query: ListDealsRequest): Promise<DealListResponse> {
    return { items: (await this.crm.listDeals(query)).map(deal) };
  }

  @Post('deals')
  @ApiOperation({ operationId: 'createDeal', summary: 'Add a deal, owned by the caller' })
  @ApiCreatedResponse({ type: DealResponse })
  async createDeal(@CurrentCaller() caller: Caller, @Body() body: CreateDealRequest): Promise<DealResponse> {
    return deal(await this.crm.createDeal({ ...body, amountMinor: parseMoneyInput(body.amount, body.currency), ownerId: caller.userId, companyId: body.companyId ?? null }));
  }

  @Patch('deals/:id/stage')
  @Roles('manager', 'admin')
  @ApiOperation({ operationId: 'changeDealStage', summary: "Move a deal to another pipeline stage (managers, admins; workflows do it too)" })
  @ApiOkResponse({ type: DealResponse })
  async changeDealStage(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ChangeDealStageRequest): Promise<DealResponse> {
    return deal(await this.crm.changeDealStage(id, body.stage));
  }
}
