import type { Command } from 'commander';
import { isSwitchyardError } from '../../../domain/errors/switchyard-error';
import { startServer } from '../../http/start-server';
import { parsePort } from './parse-options';

interface ServeOptions {
  readonly config: string;
  readonly host?: string;
  readonly port?: number;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the OpenAI-compatible routing endpoint on a configuration tree')
    .option('-c, --config <dir>', 'configuration tree', 'configs/llms')
    .option('-H, --host <host>', 'listen address (default: [server].host of _registry.toml)')
    .option('-p, --port <port>', 'listen port (default: [server].port of _registry.toml)', parsePort)
    .action(async (options: ServeOptions) => {
      let server;
      try {
        server = await startServer({
          configDir: options.config,
          ...(options.host !== undefined ? { host: options.host } : {}),
          ...(options.port !== undefined ? { port: options.port } : {}),
        });
      } catch (error) {
        if (isSwitchyardError(error) && error.code === 'config_invalid') {
          process.stderr.write(`${error.message}\n`);
          process.exit(1);
        }
        throw error;
      }
      const stop = (signal: string): void => {
        server.logger.info('shutting down', { signal });
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
}
