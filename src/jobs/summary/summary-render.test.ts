import { describe, expect, it } from "vitest";
import { summaryAlert } from "./summary-render.js";

const NOW = Date.parse("2026-03-02T12:00:00Z");
const A = { robloxId: "1001", robloxName: "KidAccount", displayName: "Kid", label: "kid" };

describe("daily summary", () => {
  it("the Sunday summary carries the chart and points its image at the attachment", () => {
    const s = summaryAlert(
      A,
      { restriction: null, limit: 120, days: [1, 2, 3, 4, 5, 6, 7], localDayOfWeek: 0, pending: 3 },
      true,
      null,
      NOW,
    );
    expect(s.chart?.days).toHaveLength(7);
    expect((s.embeds[0] as { image?: { url: string } }).image?.url).toBe("attachment://weekly.png");
  });
});
