import { mkdir, symlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { TomlConfigLoader } from '../../../../src/infrastructure/config/toml-config-loader';
import { removeConfigTrees, writeConfigTree } from '../../../support/config-tree';
import { issuesOf, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

/** A pool file with `count` unknown top-level keys (about 12 bytes each). */
function poolWithKeys(count: number): string {
  const lines = ['[[instances]]', 'provider = "mock-b"', 'model = "m2"'];
  const keys: string[] = [];
  for (let i = 0; i < count; i += 1) keys.push(`k${i} = ${i}`);
  return `${keys.join('\n')}\n${lines.join('\n')}\n`;
}

const posixOnly = process.platform === 'win32' ? it.skip : it;

describe('TomlConfigLoader on huge and hostile trees', () => {
  it('reports a file with 130,000 unknown keys as at most 50 problems and a count of the rest, without overflowing', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[server]\nmax_config_file_bytes = 4194304\n',
        'pools/slow.toml': poolWithKeys(130_000),
      }),
    );
    expect(issues).toHaveLength(51);
    expect(issues.every((issue) => issue.file === 'pools/slow.toml')).toBe(true);
    expect(issues[0]?.message).toMatch(/^unknown key "k\d+"/);
    expect(issues[50]).toEqual({ file: 'pools/slow.toml', path: '', message: '... and 129950 more problems in this file' });
  });

  it('rejects a file over max_config_file_bytes before parsing it, naming its size and the limit', async () => {
    const big = `# ${'x'.repeat(1_100_000)}\n`;
    const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': big }));
    expect(issue).toEqual({
      file: 'pools/slow.toml',
      path: '',
      message: `the file is ${big.length} bytes, more than max_config_file_bytes (1048576); it was not read`,
    });
  });

  it("applies the registry's own max_config_file_bytes to the other files, and the default to the registry", async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': `[server]\nmax_config_file_bytes = 2048\n# ${'x'.repeat(3000)}\n`,
        'pools/slow.toml': `[[instances]]\nprovider = "mock-b"\nmodel = "m2"\n# ${'x'.repeat(3000)}\n`,
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.message.replace(/\d+ bytes/, 'N bytes')])).toEqual([
      ['pools/slow.toml', 'the file is N bytes, more than max_config_file_bytes (2048); it was not read'],
    ]);
  });

  it('rejects tables nested deeper than 32 levels, naming the path, even 100,000 levels deep', async () => {
    const shallow = singleIssue(
      await loadTree({ ...validTree(), 'wrappers/assistant.toml': `target = "chat"\n[defaults.${Array(40).fill('a').join('.')}]\nx = 1\n` }),
    );
    expect(shallow.file).toBe('wrappers/assistant.toml');
    expect(shallow.path).toBe(['defaults', ...Array(32).fill('a')].join('.'));
    expect(shallow.message).toBe('tables and arrays are nested deeper than 32 levels here');

    const deep = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': `[${Array(100_000).fill('a').join('.')}]\nx = 1\n` }));
    expect(deep).toMatchObject({ file: 'pools/slow.toml', message: 'tables and arrays are nested deeper than 32 levels here' });
  });

  it('reports a folder named *.toml in an entity folder, and _registry.toml that is a folder', async () => {
    const dir = (await writeConfigTree(validTree())).dir;
    await mkdir(path.join(dir, 'pools', 'archive.toml'));
    await mkdir(path.join(dir, 'providers', 'x.toml'));
    const issues = issuesOf(await new TomlConfigLoader({}).load(dir, new InstanceRuntimeRegistry()));
    expect(issues).toEqual([
      { file: 'pools/archive.toml', path: '', message: 'is a folder, expected a TOML file' },
      { file: 'providers/x.toml', path: '', message: 'is a folder, expected a TOML file' },
    ]);

    const registryFolder = (await writeConfigTree({})).dir;
    await mkdir(path.join(registryFolder, '_registry.toml'));
    const registryIssues = issuesOf(await new TomlConfigLoader({}).load(registryFolder, new InstanceRuntimeRegistry()));
    expect(registryIssues).toEqual([{ file: '_registry.toml', path: '', message: 'is a folder, expected a TOML file' }]);
  });

  posixOnly('reports a symbolic link loop, a link to itself and a dangling link', async () => {
    const dir = (await writeConfigTree(validTree())).dir;
    await symlink('b.toml', path.join(dir, 'pools', 'a.toml'));
    await symlink('a.toml', path.join(dir, 'pools', 'b.toml'));
    await symlink('self.toml', path.join(dir, 'pools', 'self.toml'));
    await symlink('missing.toml', path.join(dir, 'providers', 'gone.toml'));
    await writeFile(path.join(dir, 'pools', 'fine.toml'), '[[instances]]\nprovider = "mock-a"\nmodel = "m9"\n');
    const issues = issuesOf(await new TomlConfigLoader({}).load(dir, new InstanceRuntimeRegistry()));
    expect(issues).toEqual([
      { file: 'pools/a.toml', path: '', message: 'cannot read the file: symbolic link loop' },
      { file: 'pools/b.toml', path: '', message: 'cannot read the file: symbolic link loop' },
      { file: 'pools/self.toml', path: '', message: 'cannot read the file: symbolic link loop' },
      { file: 'providers/gone.toml', path: '', message: 'cannot read the file: it is a symbolic link to a file that does not exist' },
    ]);
  });
});
