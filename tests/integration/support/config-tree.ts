import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Writes a configuration tree (relative path -> TOML text) to a fresh temp folder. */
export async function writeConfigTree(files: Readonly<Record<string, string>>): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchyard-test-'));
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An `openai` provider file pointing at a local upstream. */
export function openAiProvider(baseUrl: string, extra = ''): string {
  return `protocol = "openai"\nbase_url = "${baseUrl}"\napi_key = "test-key"\nrequest_timeout_ms = 2000\n${extra}`;
}

/** A pool file with one instance per provider name. */
export function poolOf(providers: readonly string[], strategy = 'round_robin'): string {
  return [
    `strategy = "${strategy}"`,
    ...providers.map((provider) => `[[instances]]\nname = "${provider}"\nprovider = "${provider}"\nmodel = "model-${provider}"`),
  ].join('\n');
}

/** A task group file with the given tiers (tier name -> pool names). */
export function groupOf(tiers: Readonly<Record<string, readonly string[]>>, head = 'max_attempts = 5\ntimeout_ms = 5000'): string {
  return [
    head,
    ...Object.entries(tiers).map(
      ([name, pools]) => `[[tiers]]\nname = "${name}"\npools = [${pools.map((p) => `"${p}"`).join(', ')}]`,
    ),
  ].join('\n');
}
