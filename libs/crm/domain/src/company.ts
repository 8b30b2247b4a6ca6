import { uuidv7 } from '@qa/shared-kernel';

export class Company {
  id!: string;
  name!: string;
  domain!: string | null;
  /** The rep who added it; null: shared (added by a manager or admin, demo data, records from before owners were kept). */
  ownerId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; domain?: string | null; ownerId?: string | null }): Company {
    return Object.assign(new Company(), { id: uuidv7(), name: props.name.trim(), domain: props.domain?.trim() || null, ownerId: props.ownerId ?? null, createdAt: new Date() });
  }
}
