import { readdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import { type ConfigFile, type ConfigFileKind, type EntityKind, EntityKindValues, REGISTRY_FILE } from './config-file';

export interface ConfigTreeRead {
  /** Sorted by relative path. */
  readonly files: readonly ConfigFile[];
  readonly issues: readonly ConfigIssue[];
}

const TOML_SUFFIX = '.toml';
const EDITOR_LEFTOVER = /(~|\.swp|\.tmp)$/;

/**
 * Finds and reads `_registry.toml` and the `*.toml` files directly inside each entity folder.
 * Missing folders are empty; unknown folders and files at the top level are ignored.
 */
export async function readConfigTree(configDir: string): Promise<ConfigTreeRead> {
  const issues: ConfigIssue[] = [];
  try {
    await readdir(configDir);
  } catch (error) {
    const message = `expected a readable configuration directory at ${configDir}: ${reason(error)}`;
    issues.push({ file: '', path: '', message });
    return { files: [], issues };
  }

  const listings = await Promise.all(EntityKindValues.map((kind) => listFolder(configDir, kind, issues)));
  const reads = [readOne(configDir, 'registry', REGISTRY_FILE, issues)];
  EntityKindValues.forEach((kind, position) => {
    for (const fileName of listings[position] ?? []) reads.push(readOne(configDir, kind, `${kind}/${fileName}`, issues));
  });

  const files = (await Promise.all(reads)).filter((file): file is ConfigFile => file !== undefined);
  files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { files, issues };
}

/** `*.toml`, but not hidden files and not editor leftovers. */
function isConfigFileName(fileName: string): boolean {
  return fileName.endsWith(TOML_SUFFIX) && !fileName.startsWith('.') && !EDITOR_LEFTOVER.test(fileName);
}

async function listFolder(configDir: string, kind: EntityKind, issues: ConfigIssue[]): Promise<string[]> {
  try {
    return (await readdir(path.join(configDir, kind))).filter(isConfigFileName);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    issues.push({ file: kind, path: '', message: `expected a folder of ${kind} files: ${reason(error)}` });
    return [];
  }
}

/** Reads one file; a file that does not exist (the optional registry) or is a folder yields nothing. */
async function readOne(
  configDir: string,
  kind: ConfigFileKind,
  relativePath: string,
  issues: ConfigIssue[],
): Promise<ConfigFile | undefined> {
  try {
    // readFile follows symlinks, so files mounted by Kubernetes ConfigMaps are read like regular ones.
    const text = await readFile(path.join(configDir, ...relativePath.split('/')), 'utf8');
    return { kind, relativePath, baseName: path.posix.basename(relativePath, TOML_SUFFIX), text };
  } catch (error) {
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'EISDIR') {
      issues.push({ file: relativePath, path: '', message: `cannot read the file: ${reason(error)}` });
    }
    return undefined;
  }
}

// Duck-typed rather than `instanceof Error`: errors from node:fs may come from another realm (as under jest).
function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

function reason(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}
