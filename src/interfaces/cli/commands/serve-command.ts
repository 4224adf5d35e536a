import type { Command } from 'commander';
import { isSwitchyardError } from '../../../domain/errors/switchyard-error';
import { type SwitchyardServer, startServer } from '../../http/start-server';
import { LOG_LEVEL_VARIABLE, type LogLevel, LogLevelValues } from '../../../infrastructure/logging/log-level';
import { parseLogLevel, parsePort } from './parse-options';
import { errorMessage } from '../../../domain/errors/error-message';

interface ServeOptions {
  readonly config: string;
  readonly host?: string;
  readonly port?: number;
  /** False with `--no-watch`. */
  readonly watch: boolean;
  readonly logLevel?: LogLevel;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the OpenAI-compatible routing endpoint on a configuration tree')
    .option('-c, --config <dir>', 'configuration tree', 'configs/llms')
    .option('-H, --host <host>', 'listen address (default: [server].host of _registry.toml)')
    .option('-p, --port <port>', 'listen port (default: [server].port of _registry.toml)', parsePort)
    .option('--no-watch', 'do not reload when files change (SIGHUP and POST /admin/reload still do)')
    .option('--log-level <level>', `lowest level logged: ${LogLevelValues.join(', ')} (default: $${LOG_LEVEL_VARIABLE}, else info)`, parseLogLevel)
    .action(async (options: ServeOptions) => {
      let server;
      try {
        server = await startServer({
          configDir: options.config,
          watch: options.watch,
          ...(options.host !== undefined ? { host: options.host } : {}),
          ...(options.port !== undefined ? { port: options.port } : {}),
          ...(options.logLevel !== undefined ? { logLevel: options.logLevel } : {}),
        });
      } catch (error) {
        if (isSwitchyardError(error) && error.code === 'config_invalid') {
          process.stderr.write(`${error.message}\n`);
          process.exit(1);
        }
        if (error instanceof RangeError && error.message.startsWith(LOG_LEVEL_VARIABLE)) {
          process.stderr.write(`${error.message}\n`);
          process.exit(2);
        }
        throw error;
      }
      const stop = (signal: string): void => {
        server.logger.info('shutting down', { signal });
        void server.close().then(() => {
          // Let the last log lines (written on the next turn of the loop) reach stdout, then leave;
          // the unref'd timer only forces the exit if something still holds the loop open.
          process.exitCode = 0;
          setTimeout(() => process.exit(0), 1000).unref();
        });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGHUP', () => reloadOnSignal(server));
    });
}

/** SIGHUP reloads the tree. Applied and rejected reloads are logged by the use case; say so when nothing changed too. */
function reloadOnSignal(server: SwitchyardServer): void {
  server.reload('signal').then(
    (attempt) => {
      if (attempt.result === 'unchanged') server.logger.info('config reload found nothing to change', { trigger: 'signal' });
    },
    (error: unknown) => {
      server.logger.error('config reload failed', { trigger: 'signal', error: errorMessage(error) });
    },
  );
}
