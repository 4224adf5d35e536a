/**
 * Where a value in an error message came from, which decides how much of it may be printed:
 * - `written`: typed into the file; a string is shown only as a short masked prefix;
 * - `environment`: a `${VAR}` was replaced in it; never shown, only its length;
 * - `credential`: it sits under a key that holds credentials; never shown.
 */
export type ValueOrigin = 'written' | 'environment' | 'credential';

/** Words of a key name that say it holds a credential: `api_key`, `x-auth-token`, `client_secret`. */
const CREDENTIAL_WORDS = new Set(['key', 'apikey', 'token', 'secret', 'password', 'passwd', 'authorization', 'auth', 'credential', 'credentials']);

/** Whether a key path leads to (or into) a credential: any key under `headers`, or a key named like one. */
export function isCredentialPath(path: readonly PropertyKey[]): boolean {
  return path.some(
    (segment) =>
      typeof segment === 'string' &&
      (segment === 'headers' || segment.toLowerCase().split(/[^a-z0-9]+/).some((word) => CREDENTIAL_WORDS.has(word))),
  );
}

export function originOf(
  path: readonly PropertyKey[],
  value: unknown,
  fromEnvironment: ReadonlySet<string>,
): ValueOrigin {
  if (isCredentialPath(path)) return 'credential';
  return typeof value === 'string' && fromEnvironment.has(value) ? 'environment' : 'written';
}
