import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { crmHandlers } from '@qa/crm-application';
import { CrmRepository } from '@qa/crm-domain';
import { MikroOrmCrmRepository } from '@qa/crm-infrastructure';
import { CrmController } from './crm.controllers';

/** Companies, contacts and deals: endpoints, and the use cases they and other contexts run on the buses. */
@Module({
  imports: [CqrsModule],
  controllers: [CrmController],
  providers: [...crmHandlers, { provide: CrmRepository, useClass: MikroOrmCrmRepository }],
})
export class CrmModule {}
