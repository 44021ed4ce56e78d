import { describe, expect, it } from "vitest";
import { declaredFonts, type RuleLike } from "./fonts";

const rule = (fontSize = "", fontWeight = ""): RuleLike => ({ style: { fontSize, fontWeight } });

describe("declaredFonts", () => {
  it("collects the sizes in pixels and the weights, inside media groups too", () => {
    const sheets = [
      {
        cssRules: [
          rule("14px"),
          rule("12px", "600"),
          rule("", "bold"),
          { cssRules: [rule("12.5px", "500"), rule("12px", "600")] },
        ],
      },
      { cssRules: [rule("26px", "700"), rule("", "normal")] },
    ];
    const found = declaredFonts(sheets);
    expect(found.sizes.sort()).toEqual(["12.5px", "12px", "14px", "26px"]);
    expect(found.weights.sort()).toEqual(["400", "500", "600", "700"]);
  });

  it("leaves out what is not a size in pixels or a weight of its own", () => {
    const found = declaredFonts([
      { cssRules: [rule("inherit", "inherit"), rule("1.2em", "bolder"), rule("small", "lighter"), {}] },
    ]);
    expect(found.sizes).toEqual([]);
    expect(found.weights).toEqual(["400"]);
  });

  it("skips a sheet that cannot be read", () => {
    const unreadable = {
      get cssRules(): ArrayLike<RuleLike> {
        throw new Error("SecurityError");
      },
    };
    expect(declaredFonts([unreadable, { cssRules: [rule("13px")] }]).sizes).toEqual(["13px"]);
  });
});
