// @qa/workflows-application: Use cases: commands/<use-case>/, queries/<use-case>/, event-handlers/.
export {};
