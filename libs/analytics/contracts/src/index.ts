// @qa/analytics-contracts: The context's public face: what the approval analytics answer.
export * from './approval-analytics';
