/** `npm run data:report`: counts and gaps in the municipality and employment-area data. */
import { buildDataReport, formatDataReport } from './dataReport.js';

process.stdout.write(`${formatDataReport(buildDataReport())}\n`);
