const MASK = '[redacted]';

/**
 * Credential-looking tokens in free text, each with the part to keep:
 * - `Bearer <token>` / `Basic <token>` (an echoed Authorization header);
 * - `sk-…`, `sk-proj-…`, `key-…`, `pk-…`, `rk-…` style API keys (16 characters or more after the
 *   prefix, with a digit: ordinary hyphenated names such as `key-rotation-policy` stay readable);
 * - Google (`AIza…`) and AWS (`AKIA…`) keys, and JWTs (`eyJ….eyJ….…`);
 * - `name: value` / `name=value` pairs whose name says it holds a credential (JSON quoted or not).
 */
const PATTERNS: readonly (readonly [RegExp, (match: string, ...groups: string[]) => string])[] = [
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{4,}/gi, (_m, scheme: string) => `${scheme} ${MASK}`],
  [/\b(sk|pk|rk|key)-(?=[A-Za-z0-9_-]*\d)[A-Za-z0-9_-]{16,}/gi, (_m, prefix: string) => `${prefix}-${MASK}`],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, () => MASK],
  [/\b(AKIA|ASIA)[0-9A-Z]{12,}/g, () => MASK],
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, () => MASK],
  [
    /(["']?(?:x-api-key|api[_-]?key|x-goog-api-key|authorization|proxy-authorization|password|passwd|secret|client[_-]?secret|access[_-]?token|refresh[_-]?token|token)["']?\s*[:=]\s*["']?)([^\s"',;}&]+)/gi,
    (_m, head: string) => `${head}${MASK}`,
  ],
];

/**
 * Every pattern above needs a separator (`-`, `:`, `=`, white space, `.`) or a Google/AWS key
 * prefix, and at least `token=x` worth of text: anything else (ids, names, numbers) skips them.
 */
const SHORTEST_MASKABLE = 7;
const MAYBE_CREDENTIAL = /[-:=\s.]|AIza|AKIA|ASIA/;

/** Known secrets shorter than this are not masked word for word (they would mask ordinary text). */
const SHORTEST_KNOWN_SECRET = 6;

/**
 * Masks credentials in text that is about to leave the process (an error message, a health
 * reason, a log line): every `known` secret word for word (the configured keys and header values
 * of the upstream concerned), then anything that looks like a credential.
 */
export function maskCredentials(text: string, known: readonly string[] = []): string {
  let masked = text;
  for (const secret of known) {
    if (secret.length >= SHORTEST_KNOWN_SECRET && masked.includes(secret)) masked = masked.split(secret).join(MASK);
  }
  if (masked.length < SHORTEST_MASKABLE || !MAYBE_CREDENTIAL.test(masked)) return masked;
  for (const [pattern, replace] of PATTERNS) {
    masked = masked.replace(pattern, replace as (match: string, ...groups: unknown[]) => string);
  }
  return masked;
}

/**
 * A short, masked preview of a string for an error message: a string of at most `keep` characters
 * (a typo such as `weight = "3"`) is shown as it is; a longer one only by its first `keep`
 * characters and its length. Enough to recognise a value, never enough to leak it.
 */
export function previewText(text: string, keep = 4): string {
  if (text.length <= keep) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, keep)).slice(0, -1)}…" (${text.length} characters)`;
}
