import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENDPOINTS, type EndpointDef } from "./index.js";

const all: EndpointDef[] = Object.values(ENDPOINTS).flatMap((area) => Object.values(area) as EndpointDef[]);
const doc = readFileSync(new URL("../../docs/endpoints.md", import.meta.url), "utf8");

describe("endpoint catalogue", () => {
  it("has the 33 seed endpoints plus users batch, usernames, headshots, trusted requests, games and the 5 parent-side endpoints, each once", () => {
    expect(all.length).toBe(43);
    expect(new Set(all.map((d) => `${d.method} ${d.host}${d.path}`)).size).toBe(43);
    expect(new Set(all.map((d) => d.name)).size).toBe(43);
  });

  it("declares facts consistently: POST/DELETE carry CSRF unless public; caps and limits where the seeds say", () => {
    for (const d of all) {
      if (d.method !== "GET" && d.auth !== "none") expect(d.auth, d.name).toBe("cookie+csrf");
      if (d.method === "GET") expect(d.auth, d.name).not.toBe("cookie+csrf");
      expect(d.path.startsWith("/"), d.name).toBe(true);
    }
    const byName = new Map(all.map((d) => [d.name, d]));
    expect(byName.get("presence.users")?.batchCap).toBe(50);
    expect(byName.get("users.byIds")?.batchCap).toBe(100);
    expect(byName.get("thumbnails.headshots")?.batchCap).toBe(100);
    expect(byName.get("games.byUniverseIds")?.batchCap).toBe(50);
    expect(byName.get("settings.update")?.rateLimit).toEqual({ limit: 30, windowMs: 60_000 });
    expect(byName.get("parental.addTemporary")?.rateLimit).toEqual({ limit: 5, windowMs: 60_000 });
    expect(byName.get("friends.find")?.paging).toBe("pascal");
    expect(byName.get("requests.list")?.paging).toBe("camel");
  });

  it("docs/endpoints.md lists every endpoint with its name, path and auth", () => {
    for (const d of all) {
      const row = doc.split("\n").find((l) => l.includes(`\`${d.name}\``) && l.startsWith(`| ${d.method} `));
      expect(row, d.name).toBeDefined();
      expect(row).toContain(`${d.host}.roblox.com${d.path}`);
      expect(row).toContain(`| ${d.auth}`);
    }
  });
});
