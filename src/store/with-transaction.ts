import type { Store } from "./open-store.js";

/**
 * Runs `work` in one database transaction, on SQLite and PostgreSQL alike, with a store bound to it;
 * called inside a transaction already, it joins that one. Everything `work` does must go through the
 * store it is given (on SQLite the outer store waits for the transaction to end).
 */
export async function withTransaction<T>(store: Store, work: (tx: Store) => Promise<T>): Promise<T> {
  if (store.db.isTransaction) return work(store);
  return store.db.transaction().execute((trx) => work({ ...store, db: trx }));
}
