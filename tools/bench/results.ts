import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Writes a benchmark's figures to tools/bench/results/<name>.json and <name>.md, and says so. */
export function writeResults(name: string, json: unknown, markdown: string): void {
  const out = resolve(__dirname, 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(resolve(out, `${name}.json`), JSON.stringify(json, null, 2) + '\n');
  writeFileSync(resolve(out, `${name}.md`), markdown + '\n');
  console.log(`written: tools/bench/results/${name}.{json,md}`);
}

/** Runs a benchmark script's main and exits (0, or 1 with the error): open handles must not keep it alive. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
