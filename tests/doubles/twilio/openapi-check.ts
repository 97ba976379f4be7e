import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks requests to and responses from the Twilio double against Twilio's own OpenAPI description of the
 * 2010-04-01 API (vendored beside this file, MIT, see LICENSE-twilio-oai). Every check returns the mismatches
 * as readable strings; an empty array means the message conforms.
 */

export const SPEC_FILE = join(__dirname, 'twilio-oai.json');

export const MESSAGES_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages.json';
export const MESSAGE_PATH = '/2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json';

export type HttpMethod = 'get' | 'post' | 'delete';
export interface Operation {
  path: string;
  method: HttpMethod;
}

export const CREATE_MESSAGE: Operation = { path: MESSAGES_PATH, method: 'post' };
export const LIST_MESSAGES: Operation = { path: MESSAGES_PATH, method: 'get' };
export const FETCH_MESSAGE: Operation = { path: MESSAGE_PATH, method: 'get' };

/** Form or query parameters as received: a name sent more than once becomes an array. */
export type Params = Record<string, string | string[]>;

export interface RequestToCheck {
  pathParams: Record<string, string>;
  query: Params;
  /** The parsed body; undefined when the request had none. */
  form?: Params;
  contentType?: string;
}

type Json = null | boolean | number | string | Json[] | JsonObject;
interface JsonObject {
  [key: string]: Json;
}

const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * Twilio's error body. The spec describes no error responses at all, so this shape comes from Twilio's
 * documentation (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
 */
const TWILIO_ERROR_SCHEMA: JsonObject = {
  type: 'object',
  properties: {
    code: { type: 'integer' },
    message: { type: 'string' },
    more_info: { type: 'string', format: 'uri' },
    status: { type: 'integer' },
    detail: { type: 'string' },
  },
  required: ['code', 'message', 'more_info', 'status'],
  additionalProperties: false,
};

const E164 = /^\+[1-9]\d{1,14}$/;
const CHANNEL_ADDRESS = /^[a-z]+:\S+$/;
const SHORT_CODE = /^\d{3,8}$/;
const ALPHANUMERIC_SENDER = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;
const RFC_2822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;

/** Twilio's own formats, which ajv-formats does not know. */
function addTwilioFormats(ajv: Ajv): void {
  ajv.addFormat('phone-number', (value: string) =>
    [E164, CHANNEL_ADDRESS, SHORT_CODE, ALPHANUMERIC_SENDER].some((pattern) => pattern.test(value)),
  );
  ajv.addFormat('date-time-rfc-2822', (value: string) => RFC_2822.test(value) && !Number.isNaN(Date.parse(value)));
  ajv.addFormat('currency', /^[A-Z]{3}$/);
  // Vendor annotations carry no validation.
  ajv.addVocabulary(['x-twilio', 'example']);
}

function newAjv(coerceTypes: boolean): Ajv {
  // Form and query values arrive as strings: coercion turns "5" into 5 and a lone value into a one-item
  // array where the schema says so, and leaves anything that does not fit for the schema to reject.
  const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: coerceTypes ? 'array' : false });
  addFormats(ajv);
  addTwilioFormats(ajv);
  return ajv;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(node: Json | undefined, key: string, where: string): JsonObject {
  const value = isObject(node) ? node[key] : undefined;
  if (!isObject(value)) throw new Error(`Twilio OpenAPI spec: no object at ${where}/${key}`);
  return value;
}

function pointerGet(root: JsonObject, ref: string): Json {
  if (!ref.startsWith('#/')) throw new Error(`Twilio OpenAPI spec: unsupported $ref ${ref}`);
  let node: Json = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = child(node, key, ref);
  }
  return node;
}

/** A self-contained copy of `node` with every `$ref` into the spec inlined. */
function deref(root: JsonObject, node: Json, stack: string[] = []): Json {
  if (Array.isArray(node)) return node.map((item) => deref(root, item, stack));
  if (!isObject(node)) return node;
  const ref = node['$ref'];
  if (typeof ref === 'string') {
    if (stack.includes(ref)) throw new Error(`Twilio OpenAPI spec: recursive $ref ${ref}`);
    return deref(root, pointerGet(root, ref), [...stack, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, deref(root, value, stack)]));
}

/**
 * The spec marks no response field as required and leaves every object open, so a misspelt or missing
 * field would pass. Twilio always sends every field (null when empty), so responses are held to that:
 * objects are closed and all their declared properties required. Two spec quirks are mapped too: the
 * `*_uri` paging fields are declared `format: uri` but Twilio sends paths ("/2010-04-01/..."), and
 * `format: uri-map` (an object of URIs) is no JSON Schema format.
 */
function tightenResponse(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(tightenResponse);
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, tightenResponse(sub)]));
    } else if (key !== 'format') {
      out[key] = key === 'items' ? tightenResponse(value) : value;
    }
  }
  if (typeof schema.format === 'string') {
    if (schema.format === 'uri') out.format = 'uri-reference';
    else if (schema.format === 'uri-map') out.additionalProperties = { type: 'string', format: 'uri-reference' };
    else out.format = schema.format;
  }
  if (isObject(schema.properties)) {
    out.additionalProperties = false;
    out.required = Object.keys(schema.properties);
  }
  return out;
}

function describeError(where: string, error: ErrorObject): string {
  const at = error.instancePath === '' ? '' : ` ${error.instancePath}`;
  if (error.keyword === 'additionalProperties') {
    return `${where}${at}: unknown name "${String(error.params.additionalProperty)}" (the spec does not define it)`;
  }
  return `${where}${at}: ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
}

function errorsOf(validate: ValidateFunction, data: unknown, where: string): string[] {
  if (validate(data)) return [];
  return (validate.errors ?? []).map((error) => describeError(where, error));
}

function label(op: Operation): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** A deep copy, so that ajv's type coercion never changes the caller's data. */
function copyParams(params: Params): Params {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]));
}

export class TwilioOpenApi {
  private readonly requestAjv = newAjv(true);
  private readonly responseAjv = newAjv(false);
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly spec: JsonObject) {}

  /** Whether the spec describes this operation at all. */
  describes(op: Operation): boolean {
    const item = child(this.spec, 'paths', '#')[op.path];
    return isObject(item) && isObject(item[op.method]);
  }

  checkRequest(op: Operation, request: RequestToCheck): string[] {
    const where = label(op);
    const violations = [
      ...errorsOf(this.parameters(op, 'path'), { ...request.pathParams }, `${where} path`),
      ...errorsOf(this.parameters(op, 'query'), copyParams(request.query), `${where} query`),
    ];
    return [...violations, ...this.checkBody(op, request)];
  }

  checkResponse(op: Operation, status: number, body: unknown): string[] {
    const where = `${label(op)} response ${status}`;
    const validate = this.responseValidator(op, status);
    if (!validate) return [`${where}: the spec describes no ${status} response for this operation`];
    return errorsOf(validate, body, where);
  }

  /** The example bodies the spec gives for a response, to check the checker against Twilio's own samples. */
  responseExamples(op: Operation, status: number): Json[] {
    const response = child(child(this.operation(op), 'responses', label(op)), String(status), label(op));
    const media = child(child(response, 'content', `${label(op)} ${status}`), 'application/json', `${label(op)} ${status}`);
    const examples = isObject(media.examples) ? Object.values(media.examples) : [];
    return examples.filter(isObject).map((example) => example.value ?? null);
  }

  private checkBody(op: Operation, request: RequestToCheck): string[] {
    const where = `${label(op)} body`;
    const body = this.operation(op)['requestBody'];
    if (!isObject(body)) {
      return request.form && Object.keys(request.form).length > 0 ? [`${where}: the operation takes no request body`] : [];
    }
    const contentType = (request.contentType ?? '').split(';')[0]?.trim().toLowerCase();
    if (contentType !== FORM_CONTENT_TYPE) return [`${where}: content type "${contentType}" is not ${FORM_CONTENT_TYPE}`];
    // The spec leaves the form open; a parameter name it does not define is exactly the drift to catch.
    const validate = this.compiled(`${label(op)} body`, this.requestAjv, () => ({ ...this.formSchema(body), additionalProperties: false }));
    return errorsOf(validate, copyParams(request.form ?? {}), where);
  }

  private formSchema(body: JsonObject): JsonObject {
    const content = child(body, 'content', 'requestBody');
    const schema = deref(this.spec, child(content, FORM_CONTENT_TYPE, 'requestBody/content')['schema'] ?? null);
    if (!isObject(schema)) throw new Error(`Twilio OpenAPI spec: no ${FORM_CONTENT_TYPE} schema`);
    return schema;
  }

  private parameters(op: Operation, location: 'path' | 'query'): ValidateFunction {
    return this.compiled(`${label(op)} ${location}`, this.requestAjv, () => {
      const all = this.operation(op)['parameters'];
      const params = (Array.isArray(all) ? all : []).filter(isObject).filter((param) => param.in === location);
      const properties = Object.fromEntries(params.map((param) => [String(param.name), deref(this.spec, param.schema ?? {})]));
      const required = params.filter((param) => param.required === true).map((param) => String(param.name));
      return { type: 'object', properties, required, additionalProperties: false };
    });
  }

  private responseValidator(op: Operation, status: number): ValidateFunction | undefined {
    const responses = child(this.operation(op), 'responses', label(op));
    const response = responses[String(status)];
    if (isObject(response)) {
      const content = child(response, 'content', `${label(op)} ${status}`);
      const schema = child(content, 'application/json', `${label(op)} ${status}/content`)['schema'] ?? null;
      return this.compiled(`${label(op)} ${status}`, this.responseAjv, () => tightenResponse(deref(this.spec, schema)));
    }
    return status >= 400 ? this.compiled('twilio-error', this.responseAjv, () => TWILIO_ERROR_SCHEMA) : undefined;
  }

  private operation(op: Operation): JsonObject {
    return child(child(child(this.spec, 'paths', '#'), op.path, '#/paths'), op.method, op.path);
  }

  private compiled(key: string, ajv: Ajv, schema: () => Json): ValidateFunction {
    let validate = this.cache.get(key);
    if (!validate) {
      const built = schema();
      if (!isObject(built)) throw new Error(`Twilio OpenAPI spec: ${key} has no schema`);
      validate = ajv.compile(built);
      this.cache.set(key, validate);
    }
    return validate;
  }
}

let shared: TwilioOpenApi | undefined;

/** The vendored spec, loaded and parsed once per process. */
export function twilioOpenApi(): TwilioOpenApi {
  if (!shared) {
    const spec: unknown = JSON.parse(readFileSync(SPEC_FILE, 'utf8'));
    if (!isObject(spec)) throw new Error(`${SPEC_FILE} is not a JSON object`);
    shared = new TwilioOpenApi(spec);
  }
  return shared;
}
