/**
 * Checks requests against GitHub's official OpenAPI description (@octokit/openapi): the route and
 * method must exist, path parameters must have their declared types, query parameters must be
 * declared, and a JSON body must satisfy the operation's request-body schema (required fields,
 * types, enums, maxItems …), validated with Ajv.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { type?: string };
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
}

interface Route {
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operations: Partial<Record<string, Operation>>;
}

export interface MatchedOperation {
  template: string;
  operationId: string;
  params: Record<string, string>;
}

let routes: Route[] | undefined;

function loadRoutes(): Route[] {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@octokit/openapi/generated/api.github.com.deref.json');
  const spec = JSON.parse(readFileSync(path, 'utf8')) as { paths: Record<string, Partial<Record<string, Operation>>> };
  return Object.entries(spec.paths).map(([template, operations]) => {
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '([^/]+)');
    return {
      template,
      pattern: new RegExp(`^${source}$`),
      literalSegments: template.split('/').filter((part) => part !== '' && !part.startsWith('{')).length,
      operations,
    };
  });
}

const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: a null alternative. (Ajv understands `nullable`
 * only beside a `type`; GitHub's description also puts it on `oneOf` schemas, e.g. issue labels.)
 */
function withNulls(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withNulls);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([name, inner]) => [name, withNulls(inner)])) : withNulls(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}
const bodyValidators = new Map<string, ValidateFunction>();

export class OpenApiValidator {
  constructor() {
    routes ??= loadRoutes();
  }

  /** Returns the matched operation, or throws with a description of the violation. */
  check(method: string, pathname: string, query: URLSearchParams, body: unknown): MatchedOperation {
    const candidates = (routes ?? []).filter((route) => route.pattern.test(pathname));
    if (candidates.length === 0) throw new Error(`${method} ${pathname}: no such route in GitHub's REST API`);
    candidates.sort((a, b) => b.literalSegments - a.literalSegments);
    const route = candidates.find((candidate) => candidate.operations[method.toLowerCase()] !== undefined);
    if (route === undefined) throw new Error(`${method} ${pathname}: ${candidates[0]?.template} does not accept ${method}`);
    const operation = route.operations[method.toLowerCase()] as Operation;
    const names = [...route.template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
    const values = route.pattern.exec(pathname)?.slice(1) ?? [];
    const params: Record<string, string> = {};
    names.forEach((name, index) => (params[name] = decodeURIComponent(values[index] as string)));
    const declared = operation.parameters ?? [];
    for (const parameter of declared.filter((p) => p.in === 'path')) {
      const value = params[parameter.name];
      if (parameter.schema?.type === 'integer' && !/^\d+$/.test(value ?? '')) {
        throw new Error(`${method} ${route.template}: path parameter ${parameter.name}=${value} is not an integer`);
      }
    }
    for (const name of query.keys()) {
      if (!declared.some((p) => p.in === 'query' && p.name === name)) {
        throw new Error(`${method} ${route.template}: query parameter ${name} is not declared`);
      }
    }
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (operation.requestBody?.required === true && body === undefined) {
      throw new Error(`${method} ${route.template}: the request body is required`);
    }
    if (schema !== undefined && body !== undefined) {
      const validate = bodyValidators.get(operation.operationId) ?? ajv.compile(withNulls(schema) as object);
      bodyValidators.set(operation.operationId, validate);
      if (!validate(body)) {
        throw new Error(`${method} ${route.template}: body does not match the schema: ${ajv.errorsText(validate.errors)}`);
      }
    }
    return { template: route.template, operationId: operation.operationId, params };
  }
}
