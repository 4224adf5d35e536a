import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { ConfigIssue } from '../../application/config/gateway-snapshot';
import {
  type ConfigFile,
  type ConfigFileKind,
  type EntityKind,
  EntityKindValues,
  REGISTRY_FILE,
  type UnreadableConfigFile,
} from './config-file';
import { DEFAULT_MAX_CONFIG_FILE_BYTES } from './config-tree-limits';
import { type BoundedRead, errorCode, readBoundedFile, reason } from './read-bounded-file';
import { registryFileLimit } from './registry-file-limit';

export interface ConfigTreeRead {
  /** Sorted by relative path. */
  readonly files: readonly ConfigFile[];
  /** Files present but not read; each has an issue. Their entities' names stay known, so references to them do not cascade. */
  readonly unreadable: readonly UnreadableConfigFile[];
  readonly issues: readonly ConfigIssue[];
}

const TOML_SUFFIX = '.toml';
const EDITOR_LEFTOVER = /(~|\.swp|\.tmp)$/;

/**
 * Finds and reads `_registry.toml` and the `*.toml` entries directly inside each entity folder.
 * Missing folders are empty; unknown folders and files at the top level are ignored. The registry
 * is read first, within the default size limit, because its `max_config_file_bytes` bounds every
 * other file; a file over its limit is reported and never read whole. An entry named `*.toml`
 * that is a folder, a symbolic link loop or a link to nothing is an error, not silently skipped.
 */
export async function readConfigTree(configDir: string): Promise<ConfigTreeRead> {
  const found: Found = { files: [], unreadable: [], issues: [] };
  try {
    await readdir(configDir);
  } catch (error) {
    const message = `expected a readable configuration directory at ${configDir}: ${reason(error)}`;
    found.issues.push({ file: '', path: '', message });
    return found;
  }

  await readOne(configDir, 'registry', REGISTRY_FILE, DEFAULT_MAX_CONFIG_FILE_BYTES, found);
  const limit = registryFileLimit(found.files[0]);
  const listings = await Promise.all(EntityKindValues.map((kind) => listFolder(configDir, kind, found.issues)));
  const reads: Promise<void>[] = [];
  EntityKindValues.forEach((kind, position) => {
    for (const fileName of listings[position] ?? []) reads.push(readOne(configDir, kind, `${kind}/${fileName}`, limit, found));
  });
  await Promise.all(reads);
  found.files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return found;
}

interface Found {
  readonly files: ConfigFile[];
  readonly unreadable: UnreadableConfigFile[];
  readonly issues: ConfigIssue[];
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

/** Reads one file; one that does not exist (the optional registry, or a file deleted meanwhile) yields nothing. */
async function readOne(
  configDir: string,
  kind: ConfigFileKind,
  relativePath: string,
  maxBytes: number,
  found: Found,
): Promise<void> {
  const read = await readBoundedFile(path.join(configDir, ...relativePath.split('/')), maxBytes);
  const baseName = path.posix.basename(relativePath, TOML_SUFFIX);
  if (read.kind === 'text') {
    found.files.push({ kind, relativePath, baseName, text: read.text });
    return;
  }
  const problem = describeUnreadable(read, maxBytes);
  if (problem === undefined) return;
  found.issues.push({ file: relativePath, path: '', message: problem });
  found.unreadable.push({ kind, relativePath, baseName });
}

function describeUnreadable(read: Exclude<BoundedRead, { kind: 'text' }>, maxBytes: number): string | undefined {
  switch (read.kind) {
    case 'missing':
      return undefined;
    case 'too_large':
      return `the file is ${read.bytes} bytes, more than max_config_file_bytes (${maxBytes}); it was not read`;
    case 'folder':
      return 'is a folder, expected a TOML file';
    case 'link_loop':
      return 'cannot read the file: symbolic link loop';
    case 'dangling_link':
      return 'cannot read the file: it is a symbolic link to a file that does not exist';
    case 'unreadable':
      return `cannot read the file: ${read.reason}`;
  }
}
