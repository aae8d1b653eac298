/**
 * Renders the add-in's ribbon and app icons into assets/ as PNG files at 16, 32 and 80 px:
 *   icon-*   the app (and ribbon group): a white sheet with a green check on green
 *   score-*  一键评分: a white check mark on green
 *   pane-*   评分面板: a white bar chart on blue
 *   clear-*  清除标注: a white eraser on teal
 * Shapes are drawn in a unit square and supersampled for anti-aliased edges; the PNG encoder uses only node's zlib.
 *
 * Run: npx ts-node --transpile-only scripts/make-icons.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";

type Rgba = [number, number, number, number];
/** Whether a point of the unit square (x right, y down) is inside a shape. */
type Shape = (x: number, y: number) => boolean;
/** Painted in order; a later layer covers an earlier one. */
type Layer = { shape: Shape; color: Rgba };

const SIZES = [16, 32, 80];
const SAMPLES = 6; // per axis, per pixel
const OUT_DIR = path.resolve(__dirname, "../assets");

const WHITE: Rgba = [255, 255, 255, 255];
const GREEN: Rgba = [16, 124, 65, 255]; // Excel green
const BLUE: Rgba = [15, 108, 189, 255];
const TEAL: Rgba = [3, 131, 135, 255];

// ---- Shapes -------------------------------------------------------------------------------------------------------

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** A thick line through the points with round joins and caps. */
function stroke(points: [number, number][], width: number): Shape {
  const half = width / 2;
  return (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i];
      const [vx, vy] = [bx - ax, by - ay];
      const t = Math.min(1, Math.max(0, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
      return Math.hypot(x - ax - t * vx, y - ay - t * vy) <= half;
    });
}

/** A shape turned by `degrees` (counter-clockwise on screen) about (cx, cy). */
function rotated(shape: Shape, cx: number, cy: number, degrees: number): Shape {
  const a = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(a), Math.sin(a)];
  // Screen y points down, so a counter-clockwise turn on screen is clockwise in these coordinates; undo it.
  return (x, y) => shape(cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos);
}

const background = roundedRect(0.03, 0.03, 0.97, 0.97, 0.2);

const DESIGNS: Record<string, Layer[]> = {
  icon: [
    { shape: background, color: GREEN },
    { shape: roundedRect(0.22, 0.14, 0.78, 0.86, 0.08), color: WHITE },
    { shape: stroke([[0.33, 0.51], [0.46, 0.64], [0.68, 0.37]], 0.11), color: GREEN },
  ],
  score: [
    { shape: background, color: GREEN },
    { shape: stroke([[0.25, 0.52], [0.43, 0.70], [0.76, 0.32]], 0.14), color: WHITE },
  ],
  pane: [
    { shape: background, color: BLUE },
    { shape: roundedRect(0.2, 0.5, 0.34, 0.8, 0.03), color: WHITE },
    { shape: roundedRect(0.43, 0.34, 0.57, 0.8, 0.03), color: WHITE },
    { shape: roundedRect(0.66, 0.2, 0.8, 0.8, 0.03), color: WHITE },
  ],
  clear: [
    { shape: background, color: TEAL },
    // The eraser: a bar tilted 45° with its tip (lower left) set off by a band of the background colour.
    { shape: rotated(roundedRect(0.2, 0.33, 0.84, 0.59, 0.05), 0.52, 0.46, 45), color: WHITE },
    { shape: rotated(roundedRect(0.4, 0.28, 0.45, 0.64, 0), 0.52, 0.46, 45), color: TEAL },
    { shape: stroke([[0.2, 0.83], [0.8, 0.83]], 0.07), color: WHITE },
  ],
};

// ---- Rendering ----------------------------------------------------------------------------------------------------

/** RGBA pixels, row by row, averaging SAMPLES² points per pixel in premultiplied alpha. */
function render(layers: Layer[], size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const top = layers.filter((l) => l.shape(x, y)).pop();
          if (!top) continue;
          const [r, g, b, a] = top.color;
          sum[0] += r * a;
          sum[1] += g * a;
          sum[2] += b * a;
          sum[3] += a;
        }
      }
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      const o = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) pixels[o + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      pixels[o + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

// ---- PNG encoding -------------------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG; every row uses filter 0 (none). */
function encodePng(rgba: Buffer, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth, colour type RGBA, compression, filter, interlace
  const rowBytes = size * 4;
  const raw = Buffer.alloc((rowBytes + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const [name, layers] of Object.entries(DESIGNS)) {
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `${name}-${size}.png`);
    fs.writeFileSync(file, encodePng(render(layers, size), size));
    console.log(path.relative(process.cwd(), file));
  }
}
