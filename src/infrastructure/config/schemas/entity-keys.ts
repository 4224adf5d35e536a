import { text } from './toml-fields';

/** Keys every entity file may set. Name patterns are checked with the names (see check-names.ts). */
export function entityKeys() {
  return {
    name: text().optional(),
    extends: text().optional(),
    description: text().optional(),
  };
}
