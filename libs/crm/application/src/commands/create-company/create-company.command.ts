import { Command } from '@nestjs/cqrs';
import type { Company } from '@qa/crm-domain';

/** Adds a company. `ownerId`: the rep who adds it (theirs); none: shared (a manager's, an admin's, demo data). */
export class CreateCompanyCommand extends Command<Company> {
  constructor(readonly props: { name: string; domain?: string | null; country?: string | null; ownerId?: string | null }) {
    super();
  }
}
