import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** Relative path (with `/`) -> file content. */
export type TreeFiles = Readonly<Record<string, string>>;

/** Relative path -> new content, or null to delete the file. */
export type TreeEdits = Readonly<Record<string, string | null>>;

/** A configuration tree in its own temp folder. */
export interface ConfigTree {
  readonly dir: string;
  /** The absolute path of `relative` inside the tree. */
  file(relative: string): string;
  remove(): Promise<void>;
}

const notRemoved = new Set<string>();

/**
 * Writes `files` into a fresh temp folder. Remove it with `tree.remove()`, or every tree not yet
 * removed with `removeConfigTrees()` in `afterEach`.
 */
export async function writeConfigTree(files: TreeFiles): Promise<ConfigTree> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'switchyard-test-'));
  notRemoved.add(dir);
  await editConfigTree(dir, files);
  return {
    dir,
    file: (relative) => path.join(dir, ...relative.split('/')),
    remove: async () => {
      notRemoved.delete(dir);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function removeConfigTrees(): Promise<void> {
  const dirs = [...notRemoved];
  notRemoved.clear();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Rewrites a tree folder in place: writes every file in `edits` (making folders), deletes those set to null. */
export async function editConfigTree(dir: string, edits: TreeEdits): Promise<void> {
  for (const [relative, text] of Object.entries(edits)) {
    const target = path.join(dir, ...relative.split('/'));
    if (text === null) await rm(target, { force: true });
    else {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text, 'utf8');
    }
  }
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
