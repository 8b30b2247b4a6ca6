// A workflow's history: every save (create, edit, the system's installs) writes one immutable
// version (the workflow's version after the save) with its definition, author, time and note.
// Write-only params (webhook secrets) are never kept in a version.
import { DomainError } from '@qa/shared-kernel';
import { withoutWriteOnlyParams, type WorkflowDefinition, type WorkflowSpec } from './workflow-definition';

export const MAX_WORKFLOW_NOTE_LENGTH = 500;
/** The author of the saves the system makes (the approval workflows' install). */
export const SYSTEM_AUTHOR = 'system';

/** The definition as a save left it (without write-only params). */
export type WorkflowSnapshot = WorkflowSpec;

export class WorkflowVersion {
  workflowId!: string;
  /** The workflow's version after the save that wrote it. */
  version!: number;
  snapshot!: WorkflowSnapshot;
  /** A user id, or `system`; null: the definition as versions found it. */
  authorId!: string | null;
  createdAt!: Date;
  /** A user's note; the system's saves a code (`installed`, `enabled`, `disabled`). */
  note!: string | null;
  restoredFrom!: number | null;

  static of(workflow: WorkflowDefinition, authorId: string | null, note: string | null | undefined, restoredFrom: number | null, at: Date): WorkflowVersion {
    return Object.assign(new WorkflowVersion(), { workflowId: workflow.id, version: 0, snapshot: workflowSnapshot(workflow), authorId, createdAt: at, note: checkWorkflowNote(note), restoredFrom });
  }
}

export function checkWorkflowNote(note: string | null | undefined): string | null {
  const trimmed = note?.trim() ?? '';
  if (trimmed.length > MAX_WORKFLOW_NOTE_LENGTH) {
    throw new DomainError('WORKFLOWS.INVALID_DEFINITION', `changeNote must be at most ${MAX_WORKFLOW_NOTE_LENGTH} characters`, 'invalid', {
      fields: [{ field: 'changeNote', reason: `must be at most ${MAX_WORKFLOW_NOTE_LENGTH} characters` }],
    });
  }
  return trimmed || null;
}

export function workflowSnapshot(w: WorkflowDefinition): WorkflowSnapshot {
  return structuredClone({
    name: w.name,
    enabled: w.enabled,
    objectType: w.objectType,
    trigger: w.trigger,
    conditions: w.conditions,
    reenrollment: w.reenrollment,
    actions: w.actions.map((a) => ({ key: a.key, params: withoutWriteOnlyParams(a.params) })),
    setKey: w.setKey,
  });
}

export const WORKFLOW_FIELDS = ['name', 'enabled', 'trigger', 'conditions', 'reenrollment'] as const;

/**
 * One difference between two versions of a workflow:
 * - `field-changed`: `path` one of WORKFLOW_FIELDS, with both values;
 * - `action-added` / `action-removed` / `action-changed`: `path` `actions.<index>` (0-based, compared
 *   by position), `actionKey` the action's key (the newer one when changed), both actions as `from`/`to`.
 */
export interface WorkflowDifference {
  code: 'field-changed' | 'action-added' | 'action-removed' | 'action-changed';
  path: string;
  actionKey: string | null;
  from: unknown;
  to: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function compareWorkflows(a: WorkflowSnapshot, b: WorkflowSnapshot): WorkflowDifference[] {
  const out: WorkflowDifference[] = [];
  for (const field of WORKFLOW_FIELDS) {
    if (!same(a[field], b[field])) out.push({ code: 'field-changed', path: field, actionKey: null, from: a[field] ?? null, to: b[field] ?? null });
  }
  for (let i = 0; i < Math.max(a.actions.length, b.actions.length); i++) {
    const [from, to] = [a.actions[i], b.actions[i]];
    if (from && to && !same(from, to)) out.push({ code: 'action-changed', path: `actions.${i}`, actionKey: to.key, from, to });
    else if (!from && to) out.push({ code: 'action-added', path: `actions.${i}`, actionKey: to.key, from: null, to });
    else if (from && !to) out.push({ code: 'action-removed', path: `actions.${i}`, actionKey: from.key, from, to: null });
  }
  return out;
}

export const workflowVersionNotFound = (workflowId: string, version: number) =>
  new DomainError('WORKFLOWS.VERSION_NOT_FOUND', `Workflow ${workflowId} has no version ${version}`, 'not-found', { id: workflowId, version });
