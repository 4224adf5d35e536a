import type { ConfigIssue, ConfigLoadResult } from '../../application/config/gateway-snapshot';
import type { InstanceRuntimeRegistry } from '../../application/config/instance-runtime-registry';
import type { ConfigLoader } from '../../application/ports/config-loader';
import { buildSnapshot } from './build/build-snapshot';
import { checkCircuitBreakers } from './check-circuit-breakers';
import { checkHealthChecks } from './check-health-checks';
import { checkNames } from './check-names';
import { checkReferences } from './check-references';
import { checkSharedNamespace } from './check-shared-namespace';
import { sortIssues } from './config-issues';
import { contentHash } from './content-hash';
import { draftEntities } from './draft-entities';
import { findFallbackCycles } from './find-fallback-cycles';
import type { Environment } from './interpolate-env';
import { readConfigTree } from './read-config-tree';
import { validateDrafts } from './validate-drafts';

/**
 * Loads a `configs/llms/`-style tree: reads every file, replaces `${VAR}`, resolves `extends`,
 * validates each file strictly, checks names and references across files, and only then builds
 * the domain objects. Every problem found is reported, sorted by file and key path.
 */
export class TomlConfigLoader implements ConfigLoader {
  public constructor(private readonly env: Environment = process.env) {}

  public async load(configDir: string, runtimes: InstanceRuntimeRegistry): Promise<ConfigLoadResult> {
    const read = await readConfigTree(configDir);
    const drafts = draftEntities(read.files, this.env);
    await yieldToEventLoop();
    const { tree, issues: validationIssues, warnings } = validateDrafts(drafts);
    await yieldToEventLoop();
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
    if (issues.length > 0 || tree.registry === undefined) return { ok: false, issues: sortIssues(issues) };
    await yieldToEventLoop();

    const built = buildSnapshot({
      tree,
      registry: tree.registry,
      configDir,
      version: contentHash(read.files),
      warnings: sortIssues(warnings),
      runtimes,
    });
    return built.ok ? built : { ok: false, issues: sortIssues(built.issues) };
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
