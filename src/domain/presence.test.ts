import { describe, expect, it } from "vitest";
import { experienceOf, joinsOff, locationName, whereText } from "./presence.js";

const GAMES = new Map([["55", "Adopt Me!"]]);

describe("presence words", () => {
  it("takes the location's name, never 'Unknown', '' or null", () => {
    expect(locationName("Adopt Me!")).toBe("Adopt Me!");
    for (const hidden of ["", "  ", null, undefined, "Unknown"]) expect(locationName(hidden)).toBeUndefined();
  });

  it("names the experience from the location, else the universe, else 'an experience'", () => {
    expect(experienceOf("Brookhaven", "55", GAMES)).toBe("Brookhaven");
    expect(experienceOf(undefined, "55", GAMES)).toBe("Adopt Me!");
    expect(experienceOf(undefined, "66", GAMES)).toBe("an experience");
    expect(experienceOf(null, null, GAMES)).toBe("an experience");
  });

  it("tells joins off: in game with place, root place and game hidden", () => {
    const off = { userPresenceType: 2, placeId: null, rootPlaceId: null, gameId: null, lastLocation: "" };
    expect(joinsOff(off)).toBe(true);
    expect(joinsOff({ ...off, placeId: 1 })).toBe(false);
    expect(joinsOff({ ...off, lastLocation: "Adopt Me!" })).toBe(false); // the place is named

    expect(joinsOff({ ...off, userPresenceType: 1 })).toBe(false);
    expect(whereText(off, GAMES, "en-US")).toBe("an experience (joins off)");
    expect(whereText({ ...off, universeId: 55 }, GAMES, "en-US")).toBe("Adopt Me! (joins off)");
    expect(whereText({ userPresenceType: 2, placeId: 1, lastLocation: "Obby" }, GAMES, "en-US")).toBe("Obby");
    expect(whereText({ userPresenceType: 1, lastLocation: "Website" }, GAMES, "en-US")).toBe("Website");
    expect(whereText(undefined, GAMES, "en-US")).toBeUndefined();
  });

  it("says joins off and the hidden experience in the locale", () => {
    const off = { userPresenceType: 2, placeId: null, rootPlaceId: null, gameId: null, lastLocation: "" };
    expect(whereText(off, GAMES, "de")).toBe("ein Erlebnis (Beitreten aus)");
    expect(whereText({ ...off, universeId: 55 }, GAMES, "pt-BR")).toBe("Adopt Me! (entradas desativadas)");
    expect(whereText({ userPresenceType: 3, universeId: 66 }, GAMES, "fr")).toBe("une expérience");
  });
});
