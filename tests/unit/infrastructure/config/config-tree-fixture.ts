import type { ConfigIssue, ConfigLoadResult, GatewaySnapshot } from '../../../../src/application/config/gateway-snapshot';
import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { TomlConfigLoader } from '../../../../src/infrastructure/config/toml-config-loader';
import { writeConfigTree, type TreeFiles } from '../../../support/config-tree';

export async function loadTree(
  files: TreeFiles,
  env: Readonly<Record<string, string | undefined>> = {},
  runtimes = new InstanceRuntimeRegistry(),
): Promise<ConfigLoadResult> {
  return new TomlConfigLoader(env).load((await writeConfigTree(files)).dir, runtimes);
}

/** The snapshot of a tree that loaded (throws, listing the issues, when it was rejected). */
export function loadedSnapshot(result: ConfigLoadResult): GatewaySnapshot {
  if (!result.ok) throw new Error(`expected the tree to load, got:\n${formatIssues(result.issues)}`);
  return result.snapshot;
}

export function issuesOf(result: ConfigLoadResult): readonly ConfigIssue[] {
  if (result.ok) throw new Error('expected the tree to be rejected, but it loaded');
  return result.issues;
}

/** The only issue of a rejected tree. */
export function singleIssue(result: ConfigLoadResult): ConfigIssue {
  const issues = issuesOf(result);
  if (issues.length !== 1) throw new Error(`expected exactly one issue, got:\n${formatIssues(issues)}`);
  return issues[0] as ConfigIssue;
}

function formatIssues(issues: readonly ConfigIssue[]): string {
  return issues.map((issue) => `  ${issue.file} [${issue.path}] ${issue.message}`).join('\n');
}

/** A small tree that loads: two mock providers, two pools, a group with a fallback group, a wrapper, an alias. */
export function validTree(): Record<string, string> {
  return {
    '_registry.toml': `
      [defaults]
      max_attempts = 2
      [aliases]
      "gpt-4o-mini" = "chat"
    `,
    'providers/mock-a.toml': `
      protocol = "mock"
      [mock]
      latency_ms = 5
    `,
    'providers/mock-b.toml': `
      protocol = "mock"
    `,
    'pools/fast.toml': `
      strategy = "weighted"
      [[instances]]
      provider = "mock-a"
      model = "m1"
      weight = 3
      [[instances]]
      provider = "mock-b"
      model = "m1"
    `,
    'pools/slow.toml': `
      [[instances]]
      provider = "mock-b"
      model = "m2"
    `,
    'task-groups/chat.toml': `
      description = "chat traffic"
      timeout_ms = 20000
      fallback_groups = ["spare"]
      [[tiers]]
      name = "primary"
      pools = ["fast"]
      [[tiers]]
      name = "backup"
      pools = ["slow"]
    `,
    'task-groups/spare.toml': `
      [[tiers]]
      name = "only"
      pools = ["slow", "fast"]
    `,
    'wrappers/assistant.toml': `
      target = "chat"
      [defaults]
      temperature = 0.2
      [overrides]
      max_tokens = 256
    `,
  };
}
