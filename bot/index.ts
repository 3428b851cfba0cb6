/** Process entry: load config, compose, listen; SIGTERM/SIGINT close cleanly. */
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const app = await createApp(config);
const port = await app.listen();
app.logger.info({ port, host: config.host, database: app.db.kind, url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}` }, 'OMA-botti listening');

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: Error) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
