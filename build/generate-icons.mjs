// Draws the app and tray icons with Node's zlib only (no image packages): `node build/generate-icons.mjs`.
// A speech bubble: white on a plum tile for the app, rose for the tray, black (alpha only) for the macOS menu bar.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const PLUM = [142, 63, 168];
const ROSE = [217, 70, 143];
const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
const SAMPLES = 4; // per axis, for smooth edges

/** x and y in the unit square. */
function inBubble(x, y) {
  const ex = (x - 0.5) / 0.42;
  const ey = (y - 0.44) / 0.32;
  return ex * ex + ey * ey <= 1 || inTriangle(x, y, [0.26, 0.62], [0.16, 0.9], [0.5, 0.72]);
}

function inTriangle(x, y, a, b, c) {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const [d1, d2, d3] = [side(a, b), side(b, c), side(c, a)];
  return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

function inRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

/** Each painter maps a point of the unit square to [r, g, b] or null (transparent). */
const appIcon = (x, y) => {
  if (!inRoundedSquare(x, y, 0.2)) return null;
  return inBubble((x - 0.2) / 0.6, (y - 0.2) / 0.6) ? WHITE : PLUM;
};
const bubbleIn = (color) => (x, y) => (inBubble(x, y) ? color : null);

function render(size, paint) {
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          color.forEach((channel, i) => (sum[i] += channel));
          sum[3] += 1;
        }
      }
      const covered = sum[3];
      const offset = (py * size + px) * 4;
      for (let i = 0; i < 3; i++) rgba[offset + i] = covered ? Math.round(sum[i] / covered) : 0;
      rgba[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return rgba;
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4)); // filter: none
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const here = dirname(fileURLToPath(import.meta.url));
const icons = [
  { file: 'icon.png', size: 512, paint: appIcon }, // electron-builder derives .icns/.ico from it
  { file: 'tray.png', size: 32, paint: bubbleIn(ROSE) },
  { file: 'trayTemplate.png', size: 32, paint: bubbleIn(BLACK) },
];
for (const { file, size, paint } of icons) {
  writeFileSync(join(here, file), encodePng(size, render(size, paint)));
  console.log(`build/${file} (${size}x${size})`);
}
