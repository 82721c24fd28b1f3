// A second (or third) bot process for the scheduler tests: one tick on the given database file.
import { createDb } from '../../src/db/createDb';
import { runTick } from '../../src/core/scheduler/runTick';

const [file, at] = process.argv.slice(2);
const db = await createDb(file!);
const logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (obj: object, msg?: string) => console.error(msg, JSON.stringify(obj)) };
const result = await runTick(db, new Date(at!), logger);
console.log(JSON.stringify(result));
await db.$disconnect();
