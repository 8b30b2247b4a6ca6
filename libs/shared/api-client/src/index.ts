// @qa/shared-api-client: the typed client of the REST API, generated from its OpenAPI document.
// `npm run api:client` regenerates schema.d.ts from the API's code; a test fails when it is stale.
export * from './api-client';
