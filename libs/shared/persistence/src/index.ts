// @qa/shared-persistence: MikroORM set-up shared by every process: SQLite by default, PostgreSQL by DATABASE_URL.
export * from './orm-options';
