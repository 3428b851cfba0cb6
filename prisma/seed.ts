/**
 * `npm run db:seed`: loads the versioned domain data in prisma/data/ into the configured database
 * (DATABASE_URL, or the embedded one in DATA_DIR). Each feature's seeder is idempotent.
 */
import { cliConfig, runCommand, withDatabase } from '../bot/kernel/cli.js';
import { PilotDataRepository } from '../bot/pilot/pilotDataRepository.js';
import { seedPilotData } from '../bot/pilot/seed.js';

await runCommand(async () => {
  const config = cliConfig();
  await withDatabase(config, 2, async (prisma) => {
    const pilot = await seedPilotData(new PilotDataRepository(prisma), { force: true });
    console.log(JSON.stringify({ seed: 'pilot', version: pilot.version, changed: pilot.changed, ...pilot.counts }));
  });
  return 0;
});
