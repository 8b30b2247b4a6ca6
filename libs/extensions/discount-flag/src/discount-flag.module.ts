import { Module } from '@nestjs/common';
import { FlagDiscountAction } from './flag-discount.action';

/** Import in apps/worker (runs it) and apps/api (lets admins pick it). */
@Module({ providers: [FlagDiscountAction], exports: [FlagDiscountAction] })
export class DiscountFlagModule {}
