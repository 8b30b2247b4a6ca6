// @qa/crm-api: the CRM's HTTP endpoints and Nest module.
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { crmHandlers, CrmService } from '@qa/crm-application';
import { CrmRepository } from '@qa/crm-domain';
import { MikroOrmCrmRepository } from '@qa/crm-infrastructure';
import { CrmController } from './crm.controllers';

/** Companies, contacts and deals: endpoints, the service, and the handlers other contexts query. */
@Module({
  imports: [CqrsModule],
  controllers: [CrmController],
  providers: [CrmService, ...crmHandlers, { provide: CrmRepository, useClass: MikroOrmCrmRepository }],
  exports: [CrmService],
})
export class CrmModule {}
