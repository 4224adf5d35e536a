import { removeConfigTrees } from '../../../support/config-tree';
import { issuesOf, loadTree, validTree } from './config-tree-fixture';

afterEach(removeConfigTrees);

const SECRET = 'sk-live-0123456789abcdef';
const env = { OPENAI_API_KEY: SECRET, UPSTREAM_URL: 'http://127.0.0.1:9101/v1' };

/** Every message of a rejected tree, for "does not leak" assertions. */
async function messagesOf(files: Record<string, string>): Promise<string> {
  return JSON.stringify(issuesOf(await loadTree(files, env)));
}

describe('TomlConfigLoader keeps secrets out of its error messages:', () => {
  it('a swapped ${VAR} in base_url says the string came from the environment, and how long it is', async () => {
    const issues = issuesOf(
      await loadTree(
        {
          ...validTree(),
          'providers/swapped.toml': 'protocol = "openai"\nbase_url = "${OPENAI_API_KEY}"\napi_key = "${UPSTREAM_URL}"\n',
        },
        env,
      ),
    );
    expect(issues).toEqual([
      {
        file: 'providers/swapped.toml',
        path: 'base_url',
        message: `expected an http(s) URL, got a string from the environment (${SECRET.length} characters)`,
      },
    ]);
  });

  it('a numeric key given a secret from the environment', async () => {
    const issues = issuesOf(
      await loadTree(
        { ...validTree(), 'pools/slow.toml': '[[instances]]\nprovider = "mock-b"\nmodel = "m2"\nrpm = "${OPENAI_API_KEY}"\n' },
        env,
      ),
    );
    expect(issues).toEqual([
      {
        file: 'pools/slow.toml',
        path: 'instances[0].rpm',
        message: `expected integer >= 1, got a string from the environment (${SECRET.length} characters)`,
      },
    ]);
  });

  it('a value under a credential key or under headers, even when written in the file', async () => {
    const issues = issuesOf(
      await loadTree({
        ...validTree(),
        'providers/creds.toml': `protocol = "mock"\napi_key = 42\nheaders = "Bearer ${SECRET}"\n`,
        'providers/header.toml': `protocol = "mock"\n[headers]\nAuthorization = ["${SECRET}"]\n`,
      }),
    );
    expect(issues).toEqual([
      { file: 'providers/creds.toml', path: 'api_key', message: 'expected a string, got an integer (hidden: credential key)' },
      { file: 'providers/creds.toml', path: 'headers', message: 'expected a table of strings, got a string (hidden: credential key)' },
      { file: 'providers/header.toml', path: 'headers.Authorization', message: 'expected a string, got an array (hidden: credential key)' },
    ]);
  });

  it('any other string at most as a short masked prefix', async () => {
    const issues = issuesOf(await loadTree({ ...validTree(), 'providers/literal.toml': `protocol = "openai"\nbase_url = "${SECRET}"\n` }));
    expect(issues).toEqual([
      { file: 'providers/literal.toml', path: 'base_url', message: `expected an http(s) URL, got string "sk-l…" (${SECRET.length} characters)` },
    ]);
  });

  it('names and references that came from the environment', async () => {
    const messages = await messagesOf({
      ...validTree(),
      'pools/slow.toml': '[[instances]]\nprovider = "${OPENAI_API_KEY}"\nmodel = "m2"\n',
      'task-groups/spare.toml': 'extends = "${OPENAI_API_KEY}"\n[[tiers]]\nname = "only"\npools = ["slow"]\n',
      'wrappers/assistant.toml': 'name = "${OPENAI_API_KEY}"\ntarget = "${OPENAI_API_KEY}"\n',
      'task-groups/dotted.toml': '[[tiers]]\nname = "${OPENAI_API_KEY}.x"\npools = ["fast"]\n',
    });
    expect(messages).toContain('pools/slow.toml');
    expect(messages).toContain('task-groups/spare.toml');
    expect(messages).toContain('wrappers/assistant.toml');
    expect(messages).toContain('task-groups/dotted.toml');
    expect(messages).not.toContain(SECRET);
    expect(messages).not.toContain('sk-live');
  });
});
