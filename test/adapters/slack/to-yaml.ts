/**
 * A tiny YAML writer for the manifest's shapes (maps, lists of scalars or maps, strings, numbers,
 * booleans). No yaml dependency in the project: the test renders `manifest.json` with it and checks that
 * `manifest.yml`, comments aside, says exactly the same thing.
 */
type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  // Plain only when YAML cannot read it as something else; JSON strings are valid YAML double-quoted scalars.
  return /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value) ? value : JSON.stringify(value);
}

function isScalar(value: Value): value is string | number | boolean | null {
  return value === null || typeof value !== 'object';
}

export function toYaml(value: Value, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isScalar(item)) return `${indent}- ${scalar(item)}`;
        const body = toYaml(item, `${indent}  `).trimStart();
        return `${indent}- ${body}`;
      })
      .join('\n');
  }
  if (isScalar(value)) return `${indent}${scalar(value)}`;
  return Object.entries(value)
    .map(([key, item]) => {
      if (isScalar(item)) return `${indent}${key}: ${scalar(item)}`;
      if (Array.isArray(item) && item.length === 0) return `${indent}${key}: []`;
      return `${indent}${key}:\n${toYaml(item, Array.isArray(item) ? indent : `${indent}  `)}`;
    })
    .join('\n');
}

/** The YAML without full-line comments and blank lines, for comparison. */
export function withoutComments(yaml: string): string {
  return yaml
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
    .join('\n');
}
