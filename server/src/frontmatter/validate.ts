import type { ErrorObject } from 'ajv';
import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar } from 'yaml';
import { nodeRange, type Frontmatter } from '../model/frontmatter.js';
import type { LineIndex, Range } from '../model/text.js';
import { uniquelyClosest } from './distance.js';
import { POSTMORTEM_KEYS, fieldInfo, schemaErrors } from './schema.js';
import { nodeAtPointer, type NodeAt } from './nodes.js';

/** One schema violation, on the YAML node it is about. */
export interface SchemaProblem {
  message: string;
  range: Range;
  /** Unknown keys are warnings; wrong types and values are errors. */
  severity: 'error' | 'warning';
  /** The top-level key the problem is under. */
  key: string | undefined;
}

/**
 * Checks the frontmatter's values against schemas/postmortem.schema.json and maps
 * each violation to the range of the YAML node it concerns: the value for a wrong
 * type or value, the key for an unknown key. One problem per value.
 */
export function validateFrontmatter(fm: Frontmatter, lines: LineIndex): SchemaProblem[] {
  const contents = fm.document.contents;
  if (fm.problems.some((p) => p.severity === 'error') || contents === null || contents === undefined) return [];
  const whole = lines.trimmedLineRange(fm.startLine);
  if (!isMap(contents)) {
    const range = nodeRange(fm, lines, contents as YamlNode) ?? whole;
    return [{ message: 'The frontmatter must be a list of `key: value` lines (a YAML mapping).', range, severity: 'error', key: undefined }];
  }
  if (!fm.data) return [];
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  const errors = schemaErrors(fm.data);
  let more = 0;
  for (const error of errors) {
    if (out.length === MAX_PROBLEMS) {
      more = errors.length - MAX_PROBLEMS;
      break;
    }
    const unknownKey = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: string }).additionalProperty) : undefined;
    const pointer = unknownKey !== undefined ? `${error.instancePath}/${escape(unknownKey)}` : error.instancePath;
    if (seen.has(pointer)) continue; // a wrong type also fails the enum: say it once
    seen.add(pointer);
    const at = nodeAtPointer(fm.document, pointer);
    const range = rangeOf(fm, lines, at, unknownKey !== undefined) ?? whole;
    const key = pointer.split('/')[1]?.replace(/~1/g, '/').replace(/~0/g, '~');
    out.push({ message: messageFor(error, pointer, at, unknownKey), range, severity: unknownKey !== undefined ? 'warning' : 'error', key });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  if (more) out.push({ message: `${more} more problems in the frontmatter are not listed.`, range: whole, severity: 'warning', key: undefined });
  return out;
}

/** Past this many, the rest are summed up in one problem: a generated frontmatter must not flood the editor. */
const MAX_PROBLEMS = 100;

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value's range (the key's for unknown keys or empty values), else undefined. */
function rangeOf(fm: Frontmatter, lines: LineIndex, at: NodeAt | undefined, onKey: boolean): Range | undefined {
  if (!at) return undefined;
  const value = onKey ? undefined : nodeRange(fm, lines, at.value);
  if (value && (value.start.line !== value.end.line || value.start.character !== value.end.character)) return value;
  return nodeRange(fm, lines, at.key) ?? value;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  null: 'empty',
};

function describeValue(at: NodeAt | undefined): string {
  const v = at?.value;
  if (!v || (isScalar(v) && v.value === null)) return 'empty';
  if (isScalar(v)) {
    const t = typeof v.value;
    return t === 'number' ? 'a number' : t === 'boolean' ? 'true or false' : 'text';
  }
  return isMap(v) ? 'a mapping' : 'a list';
}

function messageFor(error: ErrorObject, pointer: string, at: NodeAt | undefined, unknownKey: string | undefined): string {
  const path = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const name = path.length > 1 ? `${path[0]}[${path.slice(1).join('][')}]` : (path[0] ?? 'frontmatter');
  if (unknownKey !== undefined) {
    const near = uniquelyClosest(unknownKey, POSTMORTEM_KEYS, 2, true);
    const hint = near ? ` Did you mean "${near}"?` : ` Known keys: ${POSTMORTEM_KEYS.join(', ')}.`;
    return `"${unknownKey}" is not a post-mortem frontmatter key.${hint}`;
  }
  const info = fieldInfo(path[0] ?? '');
  switch (error.keyword) {
    case 'type': {
      const wanted = ([] as string[]).concat((error.params as { type: string | string[] }).type).map((t) => TYPE_NAMES[t] ?? t);
      return `"${name}" must be ${wanted.join(' or ')}, not ${describeValue(at)}.`;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const value = String(scalarValue(at));
      if (path[0] === 'severity' && /^p[1-5]$/i.test(value)) {
        return `"${value}" is a priority, not a severity: write the severity as SEV1–SEV5, and the priority as \`priority: ${value.toUpperCase()}\`.`;
      }
      const near = uniquelyClosest(value, allowed, 2, true);
      return `"${value}" is not a valid ${path[0]}: use ${allowed.join(', ')}.${near ? ` Did you mean "${near}"?` : ''}`;
    }
    case 'pattern':
      if (info?.kind === 'milestone') {
        return `"${name}" must be a date and time such as 2024-08-20 14:02 (or ISO 8601: 2024-08-20T14:02:00+02:00), not "${String(scalarValue(at))}".`;
      }
      return `"${name}" does not have the expected form.`;
    default:
      return `"${name}" ${error.message ?? 'is not valid'}.`;
  }
}

function scalarValue(at: NodeAt | undefined): unknown {
  const v = at?.value;
  return isScalar(v) ? v.value : v ? '…' : '';
}
