import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { catalogHandlers } from '@qa/catalog-application';
import { CatalogRepository } from '@qa/catalog-domain';
import { MikroOrmCatalogRepository } from '@qa/catalog-infrastructure';

/** The catalog use cases in a Nest app; import it in apps/api/src/app.module.ts (controllers go here too). */
@Module({ imports: [CqrsModule], providers: [...catalogHandlers, { provide: CatalogRepository, useClass: MikroOrmCatalogRepository }] })
export class CatalogModule {}
