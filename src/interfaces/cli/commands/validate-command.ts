import path from 'node:path';
import type { Command } from 'commander';
import type { ConfigIssue, ConfigLoadResult } from '../../../application/config/gateway-snapshot';
import { InstanceRuntimeRegistry } from '../../../application/config/instance-runtime-registry';
import { errorMessage } from '../../../domain/errors/error-message';
import { maskCredentials } from '../../../domain/secrets/mask-credentials';
import { TomlConfigLoader } from '../../../infrastructure/config/toml-config-loader';

/** `switchyard validate [dir]`: the same validation a start or reload runs; exit 1 lists every problem. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check a configuration tree; exit 1 listing every problem with its file and key')
    .argument('[dir]', 'configuration tree', 'configs/llms')
    .action(async (dir: string) => {
      const configDir = path.resolve(dir);
      const result = await loadReportingFailure(configDir);
      if (!result.ok) {
        process.stderr.write(`${configDir}: ${result.issues.length} problem(s)\n`);
        for (const issue of result.issues) process.stderr.write(`  ${issueLine(issue)}\n`);
        process.exitCode = 1;
        return;
      }
      const { snapshot } = result;
      for (const warning of snapshot.warnings) process.stdout.write(`warning: ${issueLine(warning)}\n`);
      const disabled = [...snapshot.providers.values()].filter((p) => p.disabledReason !== undefined).length;
      process.stdout.write(
        `${configDir} is valid (version ${snapshot.version}): ${snapshot.providers.size} providers (${disabled} disabled), ` +
          `${snapshot.pools.size} pools, ${snapshot.groups.size} task groups, ${snapshot.wrappers.size} wrappers, ` +
          `${snapshot.routes.names().length} routable names\n`,
      );
    });
}

/** The loader reports every problem as a value; should it throw all the same, that is one more problem. */
async function loadReportingFailure(configDir: string): Promise<ConfigLoadResult> {
  try {
    return await new TomlConfigLoader().load(configDir, new InstanceRuntimeRegistry());
  } catch (error) {
    const message = `the configuration could not be loaded: ${maskCredentials(errorMessage(error))}`;
    return { ok: false, issues: [{ file: '', path: '', message }] };
  }
}

/** `file: key: problem`; a problem of the whole tree has no file. */
function issueLine(issue: ConfigIssue): string {
  return issue.file === '' ? issue.message : `${issue.file}: ${issue.path || '(file)'}: ${issue.message}`;
}
