import { requireBuild, run } from './built-cli';

const script = (load: string) => `
${load}
const gateway = await createGateway({ configDir: 'configs/llms', logger: 'silent' });
const answer = await gateway.chat({ model: 'default', messages: [{ role: 'user', content: 'module test' }] });
console.log(JSON.stringify({ content: answer.choices[0].message.content, pool: answer.switchyard.pool }));
await gateway.close();
`;

describe('the package entry points (built)', () => {
  beforeAll(requireBuild);

  it('works from CommonJS: require("switchyard")', async () => {
    const body = script("const { createGateway } = require('switchyard');");
    const result = await run(['-e', `(async () => {${body}})().catch((e) => { console.error(e); process.exit(1); })`]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ content: 'Mock reply to: module test', pool: 'fast' });
  });

  it('works from ESM: import { createGateway } from "switchyard"', async () => {
    const result = await run(['--input-type=module', '-e', script("import { createGateway } from 'switchyard';")]);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ content: 'Mock reply to: module test', pool: 'fast' });
  });
});
