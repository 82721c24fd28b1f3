const postgresClients = new WeakSet<object>();

/** createPostgresDb registers its clients, so code that must differ between the engines can ask. */
export const registerPostgresClient = (db: object): void => { postgresClients.add(db); };

/** The client talks to PostgreSQL: other bot processes may share the database right now. */
export const isPostgresClient = (db: object): boolean => postgresClients.has(db);
