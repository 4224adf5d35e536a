export type KeyPath = readonly (string | number)[];

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** Formats a key path the way TOML writes it: `instances[1].provider`, `aliases."gpt-4.1"`. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
      continue;
    }
    const key = String(segment);
    const written = BARE_KEY.test(key) ? key : JSON.stringify(key);
    text += text === '' ? written : `.${written}`;
  }
  return text;
}
