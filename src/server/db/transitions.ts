import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Db } from './database.js';
import type { DatabaseSchema } from './schema.js';

/** The tables whose rows are addressed by a text `id`. */
export type TableWithId = {
  [T in keyof DatabaseSchema]: Selectable<DatabaseSchema[T]> extends { id: string } ? T : never;
}[keyof DatabaseSchema];

export interface Transition<T extends TableWithId, C extends keyof Selectable<DatabaseSchema[T]>> {
  table: T;
  id: string;
  /** The state column, e.g. `status` or `state`. */
  column: C;
  /** The states the row may move from; any other means someone else moved it first. */
  from: ReadonlyArray<Selectable<DatabaseSchema[T]>[C]>;
  set: Updateable<DatabaseSchema[T]>;
}

/**
 * Compare-and-set for a state change: updates the row only while its state column still holds
 * one of `from`, in one statement, so two officers acting at once cannot both win. Returns
 * whether the row moved; the caller turns `false` into a 409 with its own code.
 */
export async function transitionRow<
  T extends TableWithId,
  C extends keyof Selectable<DatabaseSchema[T]> & string,
>(db: Db, transition: Transition<T, C>): Promise<boolean> {
  if (transition.from.length === 0) return false;
  // Kysely cannot resolve columns of a table chosen by a type parameter; `Transition` checks
  // table, column, states and patch against the schema before this point, so the body uses one
  // loose table type.
  const untyped = db as unknown as Kysely<Record<'row', Record<string, unknown>>>;
  const result = await untyped
    .updateTable(transition.table as 'row')
    .set(transition.set as Record<string, unknown>)
    .where('id', '=', transition.id)
    .where(transition.column as string, 'in', [...transition.from] as unknown[])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
