// The fake's judgement of request bodies: Discord's OpenAPI description plus its documented limits.
import { describe, expect, it } from "vitest";
import type { FakeFile } from "./messages.js";
import { findOperation, validateBody } from "./openapi.js";
import { commandRules, componentRules, messageRules } from "./rules.js";

const callback = (body: unknown) =>
  validateBody("POST", "/interactions/1/tok/callback", body, false).problems;
const command = (extra: Record<string, unknown>) => [{ name: "x", description: "d", ...extra }];

describe("OpenAPI validation", () => {
  it("finds operations by method and path template, literal segments first", () => {
    expect(findOperation("PATCH", "/webhooks/1/t/messages/@original")?.template).toBe(
      "/webhooks/{webhook_id}/{webhook_token}/messages/@original",
    );
    expect(findOperation("PATCH", "/webhooks/1/t/messages/2")?.template).toBe(
      "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}",
    );
    expect(validateBody("GET", "/nowhere", undefined, false).problems[0]).toMatch(/not an operation/);
  });

  it("accepts what discord.js sends: nullable fields, label modals, string permission bit sets", () => {
    expect(callback({ type: 4, data: { content: null, embeds: [], flags: 64 } })).toEqual([]);
    expect(callback({ type: 5, data: { flags: 0 } })).toEqual([]);
    const label = { type: 18, label: "Cookie", component: { type: 4, custom_id: "cookie", style: 2 } };
    expect(callback({ type: 9, data: { custom_id: "m", title: "T", components: [label] } })).toEqual([]);
    const put = (b: unknown) => validateBody("PUT", "/applications/1/commands", b, false).problems;
    expect(put(command({ default_member_permissions: "32" }))).toEqual([]);
    expect(put(command({ default_member_permissions: 32 }))).toEqual([]);
    expect(put(command({ default_member_permissions: "ManageGuild" }))[0]).toMatch(
      /default_member_permissions/,
    );
  });

  it("refuses what Discord refuses, with readable lines", () => {
    expect(callback({ type: 4, data: { content: "x".repeat(2001) } })).toEqual([
      "body/data/content must NOT have more than 2000 characters",
    ]);
    expect(callback({ type: 11 })).toEqual(["body/type 11 is not one of [8,4,5,12,9,1,13,6,7]"]);
    expect(callback({ type: 9, data: { custom_id: "m", components: [] } })).toEqual(
      expect.arrayContaining(["body/data must have required property 'title'"]),
    );
    const edit = validateBody(
      "PATCH",
      "/webhooks/1/t/messages/@original",
      { attachments: [{ id: "x1" }] },
      true,
    );
    expect(edit.problems.join()).toMatch(/attachments\/0\/id must match pattern/);
    const big = { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "a", value: "b" })) }] };
    expect(validateBody("POST", "/channels/1/messages", big, false).problems).toEqual([
      "body/embeds/0/fields must NOT have more than 25 items",
    ]);
  });
});

describe("documented rules the description cannot express", () => {
  const file: FakeFile = {
    field: "files[0]",
    filename: "a.png",
    contentType: "image/png",
    data: Buffer.alloc(3),
  };

  it("messages: not empty, 2000 characters, 6000 embed characters, attachments match files", () => {
    expect(messageRules({}, [], { create: true })).toEqual(["Cannot send an empty message (50006)"]);
    expect(messageRules({ attachments: [{ id: "0" }] }, [file], { create: true })).toEqual([]);
    expect(messageRules({ content: "y".repeat(2001) }, [], { create: true })[0]).toMatch(/allows 2000/);
    const long = { embeds: [{ description: "d".repeat(4000) }, { description: "d".repeat(2001) }] };
    expect(messageRules(long, [], { create: true })).toEqual([
      "embeds hold 6001 characters in total; Discord allows 6000",
    ]);
    expect(messageRules({ content: "a", attachments: [{ id: "1" }] }, [file], { create: true })[0]).toMatch(
      /no file files\[1\]/,
    );
    expect(messageRules({ components: [{ type: 10, content: "x" }] }, [], { create: true })[0]).toMatch(
      /IS_COMPONENTS_V2/,
    );
  });

  it("components: unique custom ids, link buttons with a url only", () => {
    const row = (components: unknown[]) => [{ type: 1, components }];
    expect(componentRules(row([{ type: 2, style: 1, label: "A", custom_id: "a" }]))).toEqual([]);
    expect(
      componentRules(
        row([
          { type: 2, style: 1, label: "A", custom_id: "a" },
          { type: 2, style: 2, label: "B", custom_id: "a" },
        ]),
      ),
    ).toEqual(['custom_id "a" is used twice in one message']);
    expect(componentRules(row([{ type: 2, style: 5, label: "P", custom_id: "p" }]))).toEqual([
      "a link button needs a url and no custom_id",
    ]);
  });

  it("commands: lowercase names, required options first, no autocomplete with choices", () => {
    expect(commandRules(command({ name: "Ping" }))).toEqual(['/Ping: name "Ping" must be lowercase']);
    const opts = [
      { type: 3, name: "a", description: "a" },
      { type: 3, name: "b", description: "b", required: true },
    ];
    expect(commandRules(command({ options: opts }))).toEqual([
      "/x b: required options must come before optional ones",
    ]);
    const both = [
      { type: 3, name: "a", description: "a", autocomplete: true, choices: [{ name: "n", value: "v" }] },
    ];
    expect(commandRules(command({ options: both }))).toEqual([
      "/x a: autocomplete and choices exclude each other",
    ]);
  });
});
