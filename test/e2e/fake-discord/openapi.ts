// Validates request bodies against Discord's own OpenAPI description (MIT, see
// discord-openapi.LICENSE; gzipped copy of /work/shared/discord-openapi.json, sha256 8c1d0707…).
// The document is loaded once per process; a schema is compiled the first time an operation is used.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { ErrorObject, ValidateFunction } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

type Json = Record<string, unknown>;
interface Operation {
  template: string;
  regex: RegExp;
  literals: number;
  method: string;
  op: Json;
}

const DOC_ID = "discord-openapi";
const SPEC_FILE = new URL("./discord-openapi.json.gz", import.meta.url);

let cached: { doc: Json; ajv: Ajv2020; ops: Operation[] } | undefined;
const validators = new Map<string, ValidateFunction>();

/**
 * Places where the description is stricter than Discord itself, each documented by Discord.
 * They are widened here, explicitly, instead of switching validation off.
 */
function applyDocumentedExceptions(doc: Json): void {
  const schemas = (doc.components as Json).schemas as Record<string, Json>;
  // Permission bit sets are documented as strings ("permissions — string — bitwise value of the
  // enabled/disabled permissions"; "default_member_permissions — ?string"), and discord.js and
  // discord-api-types send them as strings of digits; the description only allows integers.
  const bitSets: Record<string, string[]> = {
    ApplicationCommandCreateRequest: ["default_member_permissions"],
    ApplicationCommandUpdateRequest: ["default_member_permissions"],
    ApplicationCommandPatchRequestPartial: ["default_member_permissions"],
    ChannelPermissionOverwriteRequest: ["allow", "deny"],
    CreateRoleRequest: ["permissions"],
    UpdateRoleRequestPartial: ["permissions"],
  };
  for (const [name, keys] of Object.entries(bitSets)) {
    const props = schemas[name]?.properties as Json | undefined;
    for (const key of keys) {
      if (props?.[key]) props[key] = { anyOf: [props[key], { type: "string", pattern: "^[0-9]{1,20}$" }] };
    }
  }
}

function load(): NonNullable<typeof cached> {
  if (cached) return cached;
  const doc = JSON.parse(gunzipSync(readFileSync(SPEC_FILE)).toString("utf8")) as Json;
  applyDocumentedExceptions(doc);
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictTypes: false, // the document puts `type` beside oneOf/allOf of consts everywhere
    allowUnionTypes: true, // nullable fields are written as type: ["string", "null"]
    validateSchema: false,
  });
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
    addFormatsModule) as unknown as (a: Ajv2020) => void;
  addFormats(ajv); // date-time, uri, int32, int64, double…
  ajv.addFormat("snowflake", /^(0|[1-9][0-9]*)$/);
  ajv.addFormat("nonce", true); // a string of at most 25 characters; maxLength says so already
  // Keys of the OpenAPI document itself and Discord's codegen hint are not validation keywords.
  for (const key of [
    "x-discord-union",
    "openapi",
    "info",
    "externalDocs",
    "servers",
    "paths",
    "components",
  ]) {
    ajv.addKeyword(key);
  }
  ajv.addSchema(doc, DOC_ID);
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    const parts = template.split("/").filter(Boolean);
    const pattern = parts
      .map((p) => (p.startsWith("{") ? "[^/]+" : p.replace(/[.*+?^$()|[\]\\@]/g, "\\$&")))
      .join("/");
    const literals = parts.filter((p) => !p.startsWith("{")).length;
    for (const [method, op] of Object.entries(item)) {
      if (method === "parameters") continue;
      ops.push({
        template,
        regex: new RegExp(`^/${pattern}$`),
        literals,
        method: method.toUpperCase(),
        op: op as Json,
      });
    }
  }
  ops.sort((a, b) => b.literals - a.literals); // "/messages/@original" before "/messages/{message_id}"
  cached = { doc, ajv, ops };
  return cached;
}

export function findOperation(method: string, path: string): { template: string; op: Json } | undefined {
  const found = load().ops.find((o) => o.method === method && o.regex.test(path));
  return found && { template: found.template, op: found.op };
}

const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

function validatorFor(pointer: string): ValidateFunction {
  let v = validators.get(pointer);
  if (!v) {
    v = load().ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    validators.set(pointer, v);
  }
  return v;
}

function resolvePointer(pointer: string): unknown {
  let node: unknown = load().doc;
  for (const raw of pointer.split("/").slice(1)) {
    const part = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = (node as Json | undefined)?.[part];
  }
  return node;
}

/**
 * In a union of object schemas told apart by their `type` enum (interaction callbacks), the branch
 * this body claims, or the list of accepted types when it claims none.
 */
function discriminatedBranch(pointer: string, body: unknown): { branch?: string; allowed?: unknown[] } {
  const schema = resolvePointer(pointer) as Json | undefined;
  const union = (schema?.anyOf ?? schema?.oneOf) as Json[] | undefined;
  const kind = (body as Json | null)?.type;
  if (!union || typeof kind !== "number") return {};
  const key = schema?.anyOf ? "anyOf" : "oneOf";
  const allowed: unknown[] = [];
  let tagged = 0;
  const matches = union.flatMap((branch, i) => {
    const target = typeof branch.$ref === "string" ? (resolvePointer(branch.$ref.slice(1)) as Json) : branch;
    const typeEnum = ((target?.properties as Json | undefined)?.type as Json | undefined)?.enum;
    if (!Array.isArray(typeEnum)) return [];
    allowed.push(...typeEnum);
    tagged++;
    return typeEnum.includes(kind) ? [`${pointer}/${key}/${i}`] : [];
  });
  if (matches.length === 1) return { branch: matches[0] };
  return matches.length === 0 && tagged === union.length ? { allowed } : {};
}

function describe(errors: ErrorObject[]): string[] {
  const deepest = errors.filter(
    (e) =>
      // Failed branches of `oneOf: [{type: null}, X]` and the summary lines of unions are noise
      // when a more precise error exists under the same place.
      !(
        (e.keyword === "type" && (e.params as Json).type === "null") ||
        ((e.keyword === "oneOf" || e.keyword === "anyOf") &&
          errors.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== e.keyword))
      ),
  );
  const lines = (deepest.length ? deepest : errors).map((e) => {
    const params = e.params as Json;
    const extra =
      e.keyword === "enum" || e.keyword === "const"
        ? ` (${JSON.stringify(params.allowedValues ?? params.allowedValue)})`
        : "";
    return `body${e.instancePath || ""} ${e.message ?? e.keyword}${extra}`;
  });
  return [...new Set(lines)].slice(0, 12);
}

/** Which content type's schema applies: JSON bodies use application/json, uploads multipart/form-data. */
export function validateBody(
  method: string,
  path: string,
  body: unknown,
  multipart: boolean,
): { template?: string; problems: string[] } {
  const found = findOperation(method, path);
  if (!found) return { problems: [`${method} ${path} is not an operation of Discord's HTTP API`] };
  const content = (found.op.requestBody as Json | undefined)?.content as Json | undefined;
  if (!content) {
    return body === undefined
      ? { template: found.template, problems: [] }
      : { template: found.template, problems: [`${found.template} takes no request body`] };
  }
  if (body === undefined) {
    const required = (found.op.requestBody as Json).required === true;
    return { template: found.template, problems: required ? ["a request body is required"] : [] };
  }
  const type = multipart && content["multipart/form-data"] ? "multipart/form-data" : "application/json";
  if (!content[type]) return { template: found.template, problems: [`${type} bodies are not accepted here`] };
  const pointer = `/paths/${esc(found.template)}/${method.toLowerCase()}/requestBody/content/${esc(type)}/schema`;
  if (validatorFor(pointer)(body)) return { template: found.template, problems: [] };
  const { branch, allowed } = discriminatedBranch(pointer, body);
  if (allowed) {
    const kind = (body as Json).type;
    return {
      template: found.template,
      problems: [`body/type ${kind} is not one of ${JSON.stringify(allowed)}`],
    };
  }
  const v = validatorFor(branch ?? pointer);
  v(body);
  return { template: found.template, problems: describe(v.errors ?? []) };
}

/** Validates any value against a named component schema (used by tests to check the fake's own payloads). */
export function validateSchema(name: string, value: unknown): string[] {
  const v = validatorFor(`/components/schemas/${esc(name)}`);
  return v(value) ? [] : describe(v.errors ?? []);
}
