import { uuidv7, type EventActor } from '@qa/shared-kernel';

/** A plain JSON state of an audited subject (settings, a workflow's definition, a user's role…). */
export type AuditState = Record<string, unknown>;

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * One change to something governance cares about: who did what to which subject, when, and the
 * subject's state before and after. Recorded from the integration event of the change (its id
 * keeps the entry unique) into a table of its own, so purging the outbox never loses it.
 */
export class AuditEntry {
  id!: string;
  eventId!: string;
  occurredAt!: Date;
  actorType!: EventActor['type'];
  actorId!: string | null;
  /** What happened: the event name without its version, e.g. `approvals.settings.changed`. */
  action!: string;
  subjectType!: string;
  subjectId!: string;
  /** How people know the subject (a quote's number, a workflow's name), at the time. */
  subjectLabel!: string | null;
  before!: AuditState | null;
  after!: AuditState | null;
  correlationId!: string;

  static record(props: Omit<AuditEntry, 'id' | 'changes'>): AuditEntry {
    return Object.assign(new AuditEntry(), { id: uuidv7(new Date(props.occurredAt).getTime()), ...props });
  }

  /** The fields whose value differs between before and after (every field of a new or removed subject). */
  changes(): AuditChange[] {
    const before = this.before ?? {};
    const after = this.after ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return fields
      .filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
      .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
  }
}

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string;
  actorId?: string;
  /** Entries older than this entry id (keyset pagination, newest first). */
  before?: string;
}

export abstract class AuditEntryRepository {
  abstract add(entry: AuditEntry): Promise<void>;
  /** The latest entry about a subject: its `after` is the next entry's `before`. */
  abstract latestFor(subjectType: string, subjectId: string): Promise<AuditEntry | null>;
  abstract list(filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
}
