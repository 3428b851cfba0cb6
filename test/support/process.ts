/** Runs the real bot as a separate process (`bot/index.ts`), for restart and multi-process tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface BotCommand {
  /** Node's arguments; by default the source through tsx. */
  args: string[];
  cwd: string;
}

export async function startBotProcess(
  env: Record<string, string>,
  // Generous: on a busy 2-core CI machine, tsx compiling the bot plus a fresh PGlite can take a minute or more.
  timeoutMs = 180_000,
  command: BotCommand = { args: ['--import', 'tsx', 'bot/index.ts'], cwd: ROOT },
): Promise<BotProcess> {
  const child = spawn(process.execPath, command.args, {
    cwd: command.cwd,
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bot did not start in time:\n${out}`)), timeoutMs);
    const onData = () => {
      for (const line of out.split('\n')) {
        if (!line.includes('OMA-botti listening')) continue;
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(JSON.parse(line).port as number);
        return;
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bot exited with ${code} before listening:\n${out}`));
    });
  });
  return {
    child,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => out,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
