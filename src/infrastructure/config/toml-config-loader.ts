import type { ConfigIssue, ConfigLoadResult } from '../../application/config/gateway-snapshot';
import type { InstanceRuntimeRegistry } from '../../application/config/instance-runtime-registry';
import type { ConfigLoader } from '../../application/ports/config-loader';
import { configLoadFailure } from '../../application/config/config-load-failure';
import { buildSnapshot } from './build/build-snapshot';
import { capIssuesPerFile } from './cap-issues-per-file';
import { checkCircuitBreakers } from './check-circuit-breakers';
import { checkHealthChecks } from './check-health-checks';
import { checkNames } from './check-names';
import { checkReferences } from './check-references';
import { checkSharedNamespace } from './check-shared-namespace';
import { sortIssues } from './config-issues';
import { MAX_ISSUES_PER_FILE } from './config-tree-limits';
import { contentHash } from './content-hash';
import { draftEntities } from './draft-entities';
import { findFallbackCycles } from './find-fallback-cycles';
import { hideEnvironmentText } from './hide-environment-text';
import type { Environment } from './interpolate-env';
import { readConfigTree } from './read-config-tree';
import { validateDrafts } from './validate-drafts';

/**
 * Loads a `configs/llms/`-style tree: reads every file, replaces `${VAR}`, resolves `extends`,
 * validates each file strictly, checks names and references across files, and only then builds
 * the domain objects. Every problem found is reported, sorted by file and key path, at most
 * MAX_ISSUES_PER_FILE per file, and never with a value taken from the environment. The load never
 * throws: a failure nobody foresaw is reported as a problem too.
 */
export class TomlConfigLoader implements ConfigLoader {
  public constructor(private readonly env: Environment = process.env) {}

  public async load(configDir: string, runtimes: InstanceRuntimeRegistry): Promise<ConfigLoadResult> {
    try {
      return await this.loadTree(configDir, runtimes);
    } catch (error) {
      return configLoadFailure(error);
    }
  }

  private async loadTree(configDir: string, runtimes: InstanceRuntimeRegistry): Promise<ConfigLoadResult> {
    const read = await readConfigTree(configDir);
    const drafts = draftEntities(read.files, this.env, read.unreadable);
    await yieldToEventLoop();
    const { tree, issues: validationIssues, warnings } = validateDrafts(drafts);
    await yieldToEventLoop();
    const report = (found: readonly ConfigIssue[]): ConfigIssue[] =>
      hideEnvironmentText(capIssuesPerFile(sortIssues(found), MAX_ISSUES_PER_FILE), drafts.fromEnvironment);
    const issues: ConfigIssue[] = [
      ...read.issues,
      ...drafts.issues,
      ...validationIssues,
      ...checkNames(tree),
      ...checkSharedNamespace(tree),
      ...checkReferences(tree),
      ...checkCircuitBreakers(tree),
      ...checkHealthChecks(tree),
      ...findFallbackCycles(tree),
    ];
    if (issues.length > 0 || tree.registry === undefined) return { ok: false, issues: report(issues) };
    await yieldToEventLoop();

    const built = buildSnapshot({
      tree,
      registry: tree.registry,
      configDir,
      version: contentHash(read.files),
      warnings: report(warnings),
      runtimes,
    });
    return built.ok ? built : { ok: false, issues: report(built.issues) };
  }
}

/**
 * A reload runs while the gateway serves traffic: between its stages (parse, validate, check,
 * build) it lets requests that arrived meanwhile through, so a large tree never blocks the event
 * loop in one long piece.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
