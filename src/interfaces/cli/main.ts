#!/usr/bin/env node
import { Command } from 'commander';
import { registerMockUpstreamCommand } from './commands/mock-upstream-command';
import { registerServeCommand } from './commands/serve-command';
import { registerValidateCommand } from './commands/validate-command';
import { errorMessage } from '../../domain/errors/error-message';

const program = new Command()
  .name('switchyard')
  .description('Switchyard LLM gateway: polling pools, task groups with tiered degradation, live TOML config.')
  .showHelpAfterError();

registerServeCommand(program);
registerValidateCommand(program);
registerMockUpstreamCommand(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${errorMessage(error)}\n`);
  process.exit(1);
});
