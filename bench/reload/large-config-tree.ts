import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** How big the generated tree is; reported with the results. */
export interface TreeShape {
  readonly providers: number;
  readonly pools: number;
  readonly instances: number;
  readonly groups: number;
  readonly wrappers: number;
}

/** The generated tree, and the one file the reload section rewrites before each reload. */
export interface LargeConfigTree {
  readonly shape: TreeShape;
  /** The group the fixed-rate load names (its only tier is the first pool). */
  readonly model: string;
  /** Writes the `n`-th version of the rewritten pool file: every version differs from the one before. */
  touch(n: number): Promise<void>;
}

const Providers = 20;
const Pools = 50;
const InstancesPerPool = 10;
const Groups = 5;
const Strategies = ['round_robin', 'weighted', 'least_connections', 'least_latency', 'p2c', 'random'] as const;

/** The group the load names; the other groups only make the tree realistic. */
const LoadGroup = 'bench';

const poolName = (index: number): string => `pool-${String(index).padStart(2, '0')}`;

/**
 * A tree of 50 pools of 10 instances each (500 distinct instance identities), over 20 providers that
 * all point at the mock, 5 task groups of 1 to 3 tiers and 2 wrappers: the size of a large real
 * deployment, so that a reload costs what it would cost there.
 */
export async function writeLargeConfigTree(dir: string, gatewayPort: number, mockBaseUrl: string): Promise<LargeConfigTree> {
  const files: Record<string, string> = {
    '_registry.toml': lines('[server]', 'host = "127.0.0.1"', `port = ${gatewayPort}`, '', '[defaults]', 'max_concurrency = 1024', 'max_connections = 128'),
  };
  for (let index = 0; index < Providers; index += 1) {
    files[`providers/p${String(index).padStart(2, '0')}.toml`] = lines(
      'protocol = "openai"',
      `base_url = ${JSON.stringify(mockBaseUrl)}`,
      // One key for all: the providers share one connection pool to the mock, as several
      // models behind one endpoint do.
      'api_key = "bench"',
    );
  }
  for (let index = 0; index < Pools; index += 1) files[`pools/${poolName(index)}.toml`] = poolFile(index, 0);
  files[`task-groups/${LoadGroup}.toml`] = lines('[[tiers]]', 'name = "primary"', `pools = ["${poolName(0)}"]`);
  for (let group = 1; group < Groups; group += 1) {
    const tiers: string[] = [];
    for (let tier = 0; tier < 1 + (group % 3); tier += 1) {
      const pools = [0, 1, 2].map((offset) => `"${poolName((group * 10 + tier * 3 + offset) % Pools)}"`);
      tiers.push('[[tiers]]', `name = "tier-${tier + 1}"`, `pools = [${pools.join(', ')}]`);
    }
    files[`task-groups/group-${group}.toml`] = lines('max_attempts = 4', 'timeout_ms = 30000', ...tiers);
  }
  files['wrappers/assistant.toml'] = lines('target = "group-1"', '[defaults]', 'temperature = 0.2');
  files['wrappers/coder.toml'] = lines('target = "group-2.tier-1"', '[overrides]', 'max_tokens = 512');

  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  }
  const touched = path.join(dir, 'pools', `${poolName(Pools - 1)}.toml`);
  return {
    shape: { providers: Providers, pools: Pools, instances: Pools * InstancesPerPool, groups: Groups, wrappers: 2 },
    model: LoadGroup,
    touch: (n) => writeFile(touched, poolFile(Pools - 1, n)),
  };
}

/**
 * Pool `index`: a strategy by turn, a breaker on every other pool, 10 instances on 10 different
 * providers. `version` changes the first instance's weight (1 or 2), so that each rewrite is a
 * real change (an applied reload, not an unchanged one).
 */
function poolFile(index: number, version: number): string {
  const strategy = Strategies[index % Strategies.length] ?? 'round_robin';
  const body = [`strategy = "${strategy}"`];
  if (index % 2 === 1) body.push('[circuit_breaker]', 'volume_threshold = 20', 'reset_timeout_ms = 5000');
  for (let slot = 0; slot < InstancesPerPool; slot += 1) {
    const provider = `p${String((index * InstancesPerPool + slot) % Providers).padStart(2, '0')}`;
    const weight = slot === 0 ? 1 + (version % 2) : 1 + (slot % 3);
    body.push('[[instances]]', `name = "i${slot}"`, `provider = "${provider}"`, `model = "bench-model-${index}"`, `weight = ${weight}`);
  }
  return lines(...body);
}

function lines(...text: readonly string[]): string {
  return `${text.join('\n')}\n`;
}
