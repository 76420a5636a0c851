// Reading requests (JSON or multipart with payload_json + files) and the shapes the REST side shares.
import type { IncomingMessage } from "node:http";
import type { FakeFile } from "./messages.js";

export type Json = Record<string, unknown>;

/** One REST call the bot made, as the fake saw it. */
export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. "/channels/123/messages". */
  path: string;
  /** The operation's path template in Discord's OpenAPI description, when there is one. */
  route?: string;
  query: Record<string, string>;
  /** Parsed JSON body, or the parsed payload_json of a multipart body. */
  body: unknown;
  files: FakeFile[];
  multipart: boolean;
  /** Authorization header ("Bot …"), when sent. */
  auth?: string;
  /** What Discord would have refused: schema problems, documented limits, protocol mistakes. */
  violations: string[];
  status: number;
  at: number;
  /** performance.now() when the request's head reached the fake (before its body was read and checked). */
  arrivedAt?: number;
}

export interface Reply {
  status: number;
  body?: unknown;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });
export const noContent = (): Reply => ({ status: 204 });
export const apiError = (status: number, code: number, message: string, errors?: Json): Reply => ({
  status,
  body: { message, code, ...(errors ? { errors } : {}) },
});

/** Raised inside a handler to answer with a Discord error; `violation` marks it as the bot's mistake. */
export class ApiFailure extends Error {
  constructor(
    readonly reply: Reply,
    readonly violation: string | undefined,
  ) {
    super(violation ?? String((reply.body as Json | undefined)?.message));
  }
}

export const fail = (status: number, code: number, message: string, violation?: string): never => {
  throw new ApiFailure(apiError(status, code, message), violation);
};

/** 50035 Invalid Form Body, with the problems listed the way Discord nests them under `errors`. */
export const invalidForm = (problems: string[]): never => {
  throw new ApiFailure(
    apiError(400, 50035, "Invalid Form Body", {
      _errors: problems.map((message) => ({ code: "BASE_TYPE_INVALID", message })),
    }),
    problems.join("; "),
  );
};

export async function readBody(
  req: IncomingMessage,
): Promise<{ body: unknown; files: FakeFile[]; multipart: boolean; problem?: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers["content-type"] ?? "";
  if (raw.length === 0) return { body: undefined, files: [], multipart: false };
  if (type.startsWith("multipart/form-data")) {
    const form = await new Request("http://fake.local/", {
      method: "POST",
      headers: { "content-type": type },
      body: raw,
    })
      .formData()
      .catch(() => undefined);
    if (!form) return { body: undefined, files: [], multipart: true, problem: "unreadable multipart body" };
    const files: FakeFile[] = [];
    let body: unknown;
    let problem: string | undefined;
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") {
          try {
            body = JSON.parse(value);
          } catch {
            problem = "payload_json is not JSON";
          }
        }
        continue;
      }
      files.push({
        field,
        filename: value.name,
        contentType: value.type || "application/octet-stream",
        data: Buffer.from(await value.arrayBuffer()),
      });
    }
    return { body, files, multipart: true, problem };
  }
  try {
    return { body: JSON.parse(raw.toString("utf8")), files: [], multipart: false };
  } catch {
    return {
      body: undefined,
      files: [],
      multipart: false,
      problem: `body is not JSON (content-type ${type || "missing"})`,
    };
  }
}
