/**
 * `npm run db:seed`: loads the versioned domain data in prisma/data/ into the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR). Each feature's seeder is idempotent.
 */
import { loadConfig } from '../bot/config.js';
import { openDatabase } from '../bot/db/database.js';
import { PilotDataRepository } from '../bot/pilot/pilotDataRepository.js';
import { seedPilotData } from '../bot/pilot/seed.js';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir, poolMax: 2 });
try {
  const pilot = await seedPilotData(new PilotDataRepository(db.prisma), { force: true });
  console.log(JSON.stringify({ seed: 'pilot', version: pilot.version, changed: pilot.changed, ...pilot.counts }));
} finally {
  await db.close();
}
