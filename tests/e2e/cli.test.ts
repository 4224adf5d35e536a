import { postChat, postUpstreamChat } from '../support/chat-requests';
import { writeConfigTree } from '../support/config-tree';
import { CLI, requireBuild, run, start, stop } from './built-cli';

describe('the switchyard CLI (built)', () => {
  beforeAll(requireBuild);

  it('validate accepts the sample configuration', async () => {
    const result = await run([CLI, 'validate', 'configs/llms']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/is valid/);
    expect(result.stdout).toMatch(/warning: providers\/openai\.toml: api_key: .*OPENAI_API_KEY/);
  });

  it('validate exits 1 listing every problem with file and key', async () => {
    const tree = await writeConfigTree({
      'pools/p.toml': '[[instances]]\nprovider = "ghost"\nmodel = "m"',
      'pools/q.toml': '[[instances]]\nprovider = "bad"\nmodel = "m"\nwieght = 2',
      'task-groups/g.toml': '[[tiers]]\nname = "t"\npools = ["p"]\n',
      'providers/bad.toml': 'protocol = "openai"\nbase_url = 42',
    });
    try {
      const result = await run([CLI, 'validate', tree.dir]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/pools\/p\.toml: instances\[0\]\.provider: /);
      expect(result.stderr).toMatch(/pools\/q\.toml: instances\[0\]\.wieght: unknown key "wieght"/);
      expect(result.stderr).toMatch(/providers\/bad\.toml: base_url: /);
    } finally {
      await tree.remove();
    }
  });

  it('serve answers on the sample configuration with no keys, and stops on SIGTERM', async () => {
    const { child, match } = await start([CLI, 'serve', '--config', 'configs/llms', '--port', '0'], /"url":"(http:\/\/[^"]+)"/);
    try {
      const url = match[1] as string;
      const response = await postChat(url, { model: 'default', messages: [{ role: 'user', content: 'ping' }] });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-switchyard-group')).toBe('default');
      const smart = await postChat(url, { model: 'smart', messages: [{ role: 'user', content: 'ping' }] });
      expect(smart.status).toBe(200);
      expect(smart.headers.get('x-switchyard-group')).toBe('default');
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it('serve exits 1 naming the file and key when the configuration is broken', async () => {
    const tree = await writeConfigTree({ 'pools/p.toml': 'strategy = 3\n[[instances]]\nprovider = "x"\nmodel = "m"' });
    try {
      const result = await run([CLI, 'serve', '--config', tree.dir, '--port', '0']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/pools\/p\.toml: strategy: /);
    } finally {
      await tree.remove();
    }
  });

  it('serve refuses a log level that is not one, from the option or from SWITCHYARD_LOG_LEVEL', async () => {
    const fromOption = await run([CLI, 'serve', '--config', 'configs/llms', '--port', '0', '--log-level', 'loud']);
    expect(fromOption.code).not.toBe(0);
    expect(fromOption.stderr).toMatch(/--log-level.*expected one of debug, info, warn, error/);
    const fromEnv = await run([CLI, 'serve', '--config', 'configs/llms', '--port', '0'], { env: { SWITCHYARD_LOG_LEVEL: 'verbose' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toMatch(/SWITCHYARD_LOG_LEVEL must be one of debug, info, warn, error; got "verbose"/);
  });

  it('mock-upstream serves OpenAI chat completions until stopped', async () => {
    const { child, match } = await start([CLI, 'mock-upstream', '--port', '0', '--reply', 'from the cli'], /listening on (http:\S+)/);
    try {
      const response = await postUpstreamChat(match[1] as string, { model: 'm', messages: [{ role: 'user', content: 'x' }] });
      const body = (await response.json()) as { choices: { message: { content: string } }[] };
      expect(body.choices[0]?.message.content).toBe('from the cli');
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });
});
