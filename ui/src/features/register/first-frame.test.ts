import { describe, expect, it } from "vitest";
import { roomForLater, rowsBuiltAtOnce } from "./first-frame";

describe("the register's rows built with its screen", () => {
  it("are those the window can show, the rest of a page of 50 a frame later", () => {
    // The app's window at its default height (800 px) shows about 8 rows of 51 px (fewer
    // of three lines): 11 are built.
    expect(rowsBuiltAtOnce(800)).toBe(11);
    expect(rowsBuiltAtOnce(900)).toBe(13);
    expect(rowsBuiltAtOnce(1080)).toBe(17);
    expect(rowsBuiltAtOnce(1440)).toBe(24);
  });

  it("are one at least, however low the window", () => {
    expect(rowsBuiltAtOnce(300)).toBe(1);
    expect(rowsBuiltAtOnce(0)).toBe(1);
  });
});

describe("the room kept for the rows built later", () => {
  it("is as high as as many rows built, on average", () => {
    expect(roomForLater(13 * 51, 13, 37)).toBe(37 * 51);
    // Rows of two and three lines: their mean height, rounded to the pixel.
    expect(roomForLater(10 * 51 + 3 * 68, 13, 37)).toBe(Math.round(((10 * 51 + 3 * 68) / 13) * 37));
  });

  it("is none when every row is built, or none is", () => {
    expect(roomForLater(663, 13, 0)).toBe(0);
    expect(roomForLater(0, 0, 37)).toBe(0);
  });
});
