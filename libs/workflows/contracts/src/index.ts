// @qa/workflows-contracts: what other contexts may know about workflows: record properties and
// their change events, and the events of workflow definitions.
export * from './property-changed';
export * from './workflow-events';
export * from './find-record-properties.query';
