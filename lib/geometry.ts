/** An axis-aligned rectangle: CSS pixels of a viewport, or pixels of an image. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
