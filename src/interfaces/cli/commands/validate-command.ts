import path from 'node:path';
import type { Command } from 'commander';
import { formatConfigIssue } from '../../../application/config/format-config-issue';
import { InstanceRuntimeRegistry } from '../../../application/config/instance-runtime-registry';
import { TomlConfigLoader } from '../../../infrastructure/config/toml-config-loader';

/** `switchyard validate [dir]`: the same validation a start or reload runs; exit 1 lists every problem. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a configuration tree; exit 1 listing every problem with its file and key')
    .argument('[dir]', 'configuration tree', 'configs/llms')
    .action(async (dir: string) => {
      const configDir = path.resolve(dir);
      // The loader reports every problem, an unforeseen failure included, as a value.
      const result = await new TomlConfigLoader().load(configDir, new InstanceRuntimeRegistry());
      if (!result.ok) {
        process.stderr.write(`${configDir}: ${result.issues.length} problem(s)\n`);
        for (const issue of result.issues) process.stderr.write(`  ${formatConfigIssue(issue)}\n`);
        process.exitCode = 1;
        return;
      }
      const { snapshot } = result;
      for (const warning of snapshot.warnings) process.stdout.write(`warning: ${formatConfigIssue(warning)}\n`);
      const disabled = [...snapshot.providers.values()].filter((p) => p.disabledReason !== undefined).length;
      process.stdout.write(
        `${configDir} is valid (version ${snapshot.version}): ${snapshot.providers.size} providers (${disabled} disabled), ` +
          `${snapshot.pools.size} pools, ${snapshot.groups.size} task groups, ${snapshot.wrappers.size} wrappers, ` +
          `${snapshot.routes.names().length} routable names\n`,
      );
    });
}

