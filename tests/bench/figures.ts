import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Figure {
  id: string;
  value: number;
  unit: string;
}

const figures: Figure[] = [];

export function record(id: string, value: number, unit: string): void {
  const rounded = Math.round(value * 1000) / 1000;
  figures.push({ id, value: rounded, unit });
  console.log(`${id.padEnd(44)} ${rounded} ${unit}`);
}

/** Time `run` `times` times and return the 95th percentile in milliseconds. */
export async function p95Ms(times: number, run: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)] ?? 0;
}

export function writeFigures(): string {
  const out = resolve(__dirname, '..', '..', 'bench-results.json');
  writeFileSync(out, JSON.stringify(figures, null, 2) + '\n');
  return out;
}
