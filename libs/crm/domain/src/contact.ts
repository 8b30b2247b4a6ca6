import { uuidv7 } from '@qa/shared-kernel';

export class Contact {
  id!: string;
  name!: string;
  email!: string;
  companyId!: string | null;
  /** The rep who added it; null: shared. */
  ownerId!: string | null;
  createdAt!: Date;

  static create(props: { name: string; email: string; companyId: string | null; ownerId?: string | null }): Contact {
    return Object.assign(new Contact(), {
      id: uuidv7(),
      name: props.name.trim(),
      email: props.email.trim().toLowerCase(),
      companyId: props.companyId,
      ownerId: props.ownerId ?? null,
      createdAt: new Date(),
    });
  }
}
