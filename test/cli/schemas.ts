// Validators for what the CLI prints: our own JSON format (schema written here, it is ours), and
// SARIF 2.1.0 against the OASIS schema as shipped in @microsoft/jest-sarif.

import Ajv2019 from 'ajv/dist/2019';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const finding = {
  type: 'object',
  additionalProperties: false,
  required: ['rule', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'fixable'],
  properties: {
    rule: { type: 'string', minLength: 1 },
    severity: { enum: ['error', 'warning', 'information', 'hint'] },
    message: { type: 'string', minLength: 1 },
    line: { type: 'integer', minimum: 1 },
    column: { type: 'integer', minimum: 1 },
    endLine: { type: 'integer', minimum: 1 },
    endColumn: { type: 'integer', minimum: 1 },
    fixable: { type: 'boolean' },
  },
};

const common = {
  version: { const: 1 },
  tool: {
    type: 'object',
    required: ['name', 'version'],
    properties: { name: { const: 'speech-tidy' }, version: { type: 'string' } },
  },
  errors: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'message'],
      properties: { path: { type: 'string' }, message: { type: 'string' } },
    },
  },
};

const fileBase = {
  path: { type: 'string', minLength: 1 },
  encoding: { enum: ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] },
  lineEnding: { enum: ['lf', 'crlf', 'cr', 'mixed', 'none'] },
};

const count = { type: 'integer', minimum: 0 };

export const CHECK_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'files', 'errors', 'summary'],
  properties: {
    ...common,
    files: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'encoding', 'lineEnding', 'findings'],
        properties: { ...fileBase, findings: { type: 'array', items: finding } },
      },
    },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'filesWithFindings', 'findings', 'bySeverity', 'fixable', 'errors'],
      properties: {
        files: count,
        filesWithFindings: count,
        findings: count,
        fixable: count,
        errors: count,
        bySeverity: {
          type: 'object',
          additionalProperties: false,
          required: ['error', 'warning', 'information', 'hint'],
          properties: { error: count, warning: count, information: count, hint: count },
        },
      },
    },
  },
};

export const FIX_JSON_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2019-09/schema',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'files', 'errors'],
  properties: {
    ...common,
    files: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'encoding', 'lineEnding', 'changed', 'written', 'fixed', 'remaining'],
        properties: {
          ...fileBase,
          changed: { type: 'boolean' },
          written: { type: 'boolean' },
          fixed: { type: 'object', additionalProperties: { type: 'integer', minimum: 1 } },
          remaining: { type: 'array', items: finding },
          diff: { type: 'string' },
        },
      },
    },
  },
};

const ours = new Ajv2019({ allErrors: true, strict: true });

export const validateCheckJson = ours.compile(CHECK_JSON_SCHEMA);
export const validateFixJson = ours.compile(FIX_JSON_SCHEMA);

/**
 * The published schema is draft-04, and one of its `pattern`s is not a valid Unicode regular
 * expression (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`), so it is compiled without the `u` flag.
 */
const sarifAjv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(sarifAjv);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
export const validateSarif = sarifAjv.compile(sarifSchema);

export function errorsOf(validate: { errors?: unknown }): string {
  return JSON.stringify(validate.errors, null, 2);
}
