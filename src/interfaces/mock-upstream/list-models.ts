/** The OpenAI `GET /v1/models` list for the given model names. */
export function listModels(models: Iterable<string>): Record<string, unknown> {
  const data = [...models].sort().map((id) => ({ id, object: 'model', created: 0, owned_by: 'mock-upstream' }));
  return { object: 'list', data };
}
