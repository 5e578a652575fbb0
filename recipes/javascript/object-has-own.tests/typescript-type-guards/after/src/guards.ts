export type Shape = { kind: "circle"; radius: number } | { kind: "square"; side: number };

export function isCircle(shape: Shape): shape is Extract<Shape, { kind: "circle" }> {
  return Object.hasOwn(shape, "radius");
}

export function hasKey<T extends object>(obj: T, key: PropertyKey): key is keyof T {
  return Object.hasOwn(obj, key);
}

export const counts = (words: string[]) =>
  words.reduce<Record<string, number>>((acc, w) => {
    acc[w] = Object.hasOwn(acc, w) ? acc[w] + 1 : 1;
    return acc;
  }, {});
