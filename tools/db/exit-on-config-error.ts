import { ConfigError } from '@qa/shared-config';

/** Prints a configuration problem in a form people can act on, then exits. */
export function exitOnConfigError<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`${error.message}\nSee docs/operations.md ("Configuration") for every setting.`);
      process.exit(1);
    }
    throw error;
  }
}
