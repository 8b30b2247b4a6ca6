// @qa/shared-config: the process configuration, read from the environment and validated at start-up.
export * from './app-config';
