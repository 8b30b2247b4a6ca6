import { Injectable, type PipeTransform } from '@nestjs/common';
import { DomainError } from '@qa/shared-kernel';

/** A share link's slug looks like 32 base64url characters; anything else is simply not found. */
@Injectable()
export class ShareSlugPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Za-z0-9_-]{32}$/.test(value)) throw new DomainError('QUOTES.NOT_FOUND', 'No shared quote with this link', 'not-found');
    return value;
  }
}
