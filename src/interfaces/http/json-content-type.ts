const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/** Whether a `Content-Type` says JSON: `application/json`, or a `+json` type such as `application/merge-patch+json`. */
export function isJsonContentType(type: string | undefined): boolean {
  return type !== undefined && JSON_TYPE.test(type);
}
