import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { MILESTONES } from '../protocol.js';

/**
 * The frontmatter schema (schemas/postmortem.schema.json, the one file both the
 * checks and the documentation read) and what completion and hover need from it.
 */

interface PropertySchema {
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  $ref?: string;
}

interface FrontmatterSchema {
  properties: Record<string, PropertySchema>;
}

// A plain require: the schema lives outside server/src, and esbuild inlines it into the bundles.
export const FRONTMATTER_SCHEMA: FrontmatterSchema = require('../../../schemas/postmortem.schema.json');

/** Keys written by static site generators: accepted, but not offered first. */
const SITE_KEYS = new Set(['date', 'description', 'layout', 'draft']);

/** Every key the schema knows, the post-mortem's own first. */
export const FRONTMATTER_KEYS: readonly string[] = Object.keys(FRONTMATTER_SCHEMA.properties).sort(
  (a, b) => Number(SITE_KEYS.has(a)) - Number(SITE_KEYS.has(b)),
);

/** The post-mortem's own keys (without the static-site ones), for messages. */
export const POSTMORTEM_KEYS: readonly string[] = FRONTMATTER_KEYS.filter((k) => !SITE_KEYS.has(k));

export const MILESTONE_KEYS: ReadonlySet<string> = new Set(MILESTONES);

export interface FieldInfo {
  key: string;
  description: string;
  /** Allowed values, for keys with a fixed set. */
  values?: readonly string[];
  kind: 'text' | 'list' | 'boolean' | 'enum' | 'milestone' | 'timezone' | 'id';
}

/** What the schema says about a key, or undefined for a key it does not know. */
export function fieldInfo(key: string): FieldInfo | undefined {
  if (!Object.prototype.hasOwnProperty.call(FRONTMATTER_SCHEMA.properties, key)) return undefined;
  const p = FRONTMATTER_SCHEMA.properties[key]!;
  const description = p.description ?? '';
  if (p.enum) return { key, description, values: p.enum.map(String), kind: 'enum' };
  if (MILESTONE_KEYS.has(key)) return { key, description, kind: 'milestone' };
  if (key === 'timezone') return { key, description, kind: 'timezone' };
  const types = Array.isArray(p.type) ? p.type : [p.type];
  if (types.includes('boolean')) return { key, description, kind: 'boolean', values: ['true', 'false'] };
  if (types.includes('array')) return { key, description, kind: 'list' };
  if (types.includes('integer')) return { key, description, kind: 'id' };
  return { key, description, kind: 'text' };
}

let validator: ValidateFunction | undefined;

/** Validates plain frontmatter data against the schema; every error, at most one per value is kept by the caller. */
export function schemaErrors(data: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strictTypes: false }).compile(FRONTMATTER_SCHEMA);
  return validator(data) ? [] : [...(validator.errors ?? [])];
}
