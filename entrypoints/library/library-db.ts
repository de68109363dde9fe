/** The library page's one connection to the database. */
import { LensDatabase } from '../../platform/db';

let db: LensDatabase | null = null;

export function libraryDb(): LensDatabase {
  db ??= new LensDatabase();
  return db;
}
