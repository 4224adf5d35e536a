import { InstanceRuntimeRegistry } from '../../../../src/application/config/instance-runtime-registry';
import { TomlConfigLoader } from '../../../../src/infrastructure/config/toml-config-loader';
import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadTree, singleIssue, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

describe('TomlConfigLoader reports, within one file,', () => {
  it('a TOML syntax error with its line and column', async () => {
    const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': '[[instances]]\nprovider = = "mock-b"\n' }));
    expect(issue).toMatchObject({ file: 'pools/slow.toml', path: '' });
    expect(issue.message).toMatch(/^TOML syntax error at line 2, column \d+: /);
  });

  it('an unknown key on its own path, listing the allowed keys', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\nwieght = 2' }),
    );
    expect(issue).toMatchObject({ file: 'pools/slow.toml', path: 'instances[0].wieght' });
    expect(issue.message).toBe('unknown key "wieght"; allowed keys: name, provider, model, weight, max_concurrency, rpm, tpm');
  });

  it('a wrong type with what was expected and what was found', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\nweight = "3"' }),
    );
    expect(issue).toEqual({ file: 'pools/slow.toml', path: 'instances[0].weight', message: 'expected integer >= 1, got string "3"' });
  });

  it('a missing required key and an out-of-range registry value', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        '_registry.toml': '[server]\nport = 70000\n[state]\nbackend = "redis"',
        'pools/slow.toml': '[[instances]]\nprovider = "mock-b"',
      }),
    );
    expect(issues).toEqual([
      { file: '_registry.toml', path: 'server.port', message: 'expected integer between 0 and 65535, got integer 70000' },
      { file: '_registry.toml', path: 'state.backend', message: 'only "memory" is supported today, got string "redi…" (5 characters)' },
      { file: 'pools/slow.toml', path: 'instances[0].model', message: 'required key is missing; expected a non-empty string' },
    ]);
  });

  it('the anthropic protocol with a pointer to the OpenAI-compatible endpoint', async () => {
    const issue = singleIssue(
      await loadTree({ ...validTree(), 'providers/claude.toml': 'protocol = "anthropic"\nbase_url = "https://api.anthropic.com/v1"' }),
    );
    expect(issue).toMatchObject({ file: 'providers/claude.toml', path: 'protocol' });
    expect(issue.message).toMatch(/^native anthropic protocol is not supported yet; use protocol = "openai" with Anthropic's OpenAI-compatible base URL/);
  });

  it('a [mock] table on an openai provider, and an openai provider without a valid base_url', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'providers/real.toml': 'protocol = "openai"\nbase_url = "http://127.0.0.1:9101/v1"\n[mock]\nlatency_ms = 3',
        'providers/nourl.toml': 'protocol = "openai"',
        'providers/badurl.toml': 'protocol = "openai"\nbase_url = "ftp://example.com"',
      }),
    );
    expect(issues).toEqual([
      { file: 'providers/badurl.toml', path: 'base_url', message: 'expected an http(s) URL, got string "ftp:…" (17 characters)' },
      { file: 'providers/nourl.toml', path: 'base_url', message: 'required key is missing; protocol "openai" needs an http(s) URL' },
      { file: 'providers/real.toml', path: 'mock', message: '[mock] is allowed only when protocol = "mock", but protocol = "openai"' },
    ]);
  });

  it('exploration on a strategy that is not least_latency, and an unknown wrapper parameter', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'strategies/spread.toml': 'kind = "random"\nexploration = 0.5',
        'wrappers/assistant.toml': 'target = "chat"\n[defaults]\ntemprature = 0.2',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path])).toEqual([
      ['strategies/spread.toml', 'exploration'],
      ['wrappers/assistant.toml', 'defaults.temprature'],
    ]);
    expect(issues[1]?.message).toMatch(/^unknown key "temprature"; allowed keys: temperature, top_p, max_tokens,/);
  });

  it('every problem at once: three broken files give three issues, sorted by file', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'providers/mock-b.toml': 'protocol = "mock"\ncolour = "blue"',
        'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\nmax_concurrency = 0',
        'wrappers/assistant.toml': 'target = "nowhere"',
      }),
    );
    expect(issues.map((issue) => [issue.file, issue.path])).toEqual([
      ['pools/slow.toml', 'instances[0].max_concurrency'],
      ['providers/mock-b.toml', 'colour'],
      ['wrappers/assistant.toml', 'target'],
    ]);
  });

  it('a broken file once, without cascading into the files that name it', async () => {
    const issue = singleIssue(await loadTree({ ...validTree(), 'pools/slow.toml': 'strategy = 5\n[[instances]]\nprovider = "mock-b"\nmodel = "m2"' }));
    expect(issue).toEqual({ file: 'pools/slow.toml', path: 'strategy', message: 'expected a string, got integer 5' });
  });

  it('a configuration directory that does not exist', async () => {
    const result = await new TomlConfigLoader({}).load('/nonexistent/switchyard-config', new InstanceRuntimeRegistry());
    expect(issuesOf(result)).toEqual([
      expect.objectContaining({ file: '', path: '', message: expect.stringMatching(/^expected a readable configuration directory at \/nonexistent\/switchyard-config/) }),
    ]);
  });
});
