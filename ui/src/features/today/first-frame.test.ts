import { describe, expect, it } from "vitest";
import { listsBuiltAtOnce, rowsInSight } from "./first-frame";

const list = (id: string, n: number) => ({ id, rows: Array.from({ length: n }, (_, i) => i) });

describe("the work lists built with Aujourd'hui", () => {
  it("stops once the rows before a list fill the window", () => {
    const lists = [list("overdue", 50), list("soon", 12), list("ack", 3)];
    expect([...listsBuiltAtOnce(lists, 10, 7)]).toEqual(["overdue"]);
  });

  it("builds the next lists while the first ones leave them in sight", () => {
    const lists = [list("overdue", 2), list("soon", 3), list("ack", 9), list("answer", 4)];
    expect([...listsBuiltAtOnce(lists, 10, 7)]).toEqual(["overdue", "soon", "ack"]);
  });

  it("counts an empty list for nothing, and a long one for the rows it shows", () => {
    const lists = [list("overdue", 0), list("soon", 0), list("ack", 40), list("answer", 1)];
    expect([...listsBuiltAtOnce(lists, 5, 7)]).toEqual(["overdue", "soon", "ack", "answer"]);
    expect([...listsBuiltAtOnce(lists, 10, 7)]).toEqual(["overdue", "soon", "ack"]);
  });

  it("builds the first list whatever the window", () => {
    expect([...listsBuiltAtOnce([list("overdue", 10), list("soon", 10)], 10, 1)]).toEqual(["overdue"]);
    expect([...listsBuiltAtOnce([], 10, 7)]).toEqual([]);
  });

  it("reckons the rows in sight from the window's height", () => {
    expect(rowsInSight(800)).toBe(7);
    expect(rowsInSight(1000)).toBe(10);
    expect(rowsInSight(1400)).toBe(16);
    expect(rowsInSight(200)).toBe(1);
  });
});
