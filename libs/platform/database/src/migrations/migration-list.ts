import type { MigrationObject } from '@mikro-orm/core';

/** The migrations of one dialect, in the order given, from their modules (one migration class each). */
export function migrationList(modules: Record<string, Record<string, unknown>>): MigrationObject[] {
  return Object.entries(modules).map(([name, module]) => ({ name, class: Object.values(module)[0] as MigrationObject['class'] }));
}
