import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LiveEventsController } from './live-events.controller';
import { LiveEventsService } from './live-events.service';

@Module({ imports: [CqrsModule], controllers: [LiveEventsController], providers: [LiveEventsService] })
export class LiveEventsModule {}
