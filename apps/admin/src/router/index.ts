// The SPA's routes (one routes.ts per module) and the router with its login guard.
export * from './app-router';
